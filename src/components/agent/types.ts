import type { inferRouterOutputs } from "@trpc/server";
import { isCurrencyCode } from "@/domain/money";
import { type SpokenScreen, spokenSummary } from "@/domain/spoken-amounts";
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

/**
 * The read-aloud sentence of an order on the agent's preview or receipt, per language. The
 * tablet never gets the customer's name, only a masked phone: the customer is named by the
 * phone's last digits, the same ones shown on screen.
 */
export function spokenOrder(order: AgentOrder, screen: SpokenScreen) {
  return (language: string): string | null => {
    const currency = order.currency;
    if (!isCurrencyCode(currency)) return null;
    return spokenSummary(
      {
        screen,
        type: order.type,
        currency,
        cash: order.cash,
        fee: order.fee,
        otherParty: { kind: "customer", phoneEnd: /\d*$/.exec(order.customerPhone)?.[0] ?? "" },
      },
      language,
    );
  };
}
