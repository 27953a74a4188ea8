import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>;

export type CustomerOrder = Outputs["customer"]["order"];
export type ActivityItem = Outputs["customer"]["activity"][number];
export type Overview = Outputs["customer"]["overview"];
export type OrderType = CustomerOrder["type"];

/** The tRPC error code carried by a client error, when there is one. */
export function errorCode(error: unknown): string | null {
  if (error && typeof error === "object" && "data" in error) {
    const data = (error as { data?: { code?: unknown } | null }).data;
    if (data && typeof data.code === "string") return data.code;
  }
  return null;
}

// en-KE keeps day-month order and a 12-hour clock, as people in Kenya read dates.
const WHEN = new Intl.DateTimeFormat("en-KE", { dateStyle: "medium", timeStyle: "short" });

export function formatWhen(date: Date): string {
  return WHEN.format(date);
}
