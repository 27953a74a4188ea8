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
// Pages rendered on the server cannot know the device's time zone: they show Kenyan time
// until the browser has taken over (useHydrated), then the device's own.
const WHEN_IN_KENYA = new Intl.DateTimeFormat("en-KE", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "Africa/Nairobi",
});

export function formatWhen(date: Date, { deviceZone = true } = {}): string {
  return (deviceZone ? WHEN : WHEN_IN_KENYA).format(date);
}
