import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>;

export type AgentOrder = Outputs["agent"]["claim"];
export type AgentOverview = Outputs["agent"]["overview"];
export type AgentHistoryRow = Outputs["agent"]["history"][number];
export type OrderStatus = AgentOrder["status"];

// en-KE keeps day-month order and a 12-hour clock, as shopkeepers in Kenya read times.
const WHEN = new Intl.DateTimeFormat("en-KE", { dateStyle: "medium", timeStyle: "short" });
const TIME = new Intl.DateTimeFormat("en-KE", { timeStyle: "short" });

export function formatWhen(date: Date): string {
  return WHEN.format(date);
}

/** Today's rows need only the time; older rows need the day as well. */
export function formatRowTime(date: Date, now = new Date()): string {
  return date.toDateString() === now.toDateString()
    ? `Today ${TIME.format(date)}`
    : WHEN.format(date);
}

/**
 * live.order serves both parties and is typed as either view; the agent's copy is the one
 * that carries the masked customer phone.
 */
export function isAgentView<T extends object>(view: T | AgentOrder): view is AgentOrder {
  return "customerPhone" in view && "floatAfter" in view;
}
