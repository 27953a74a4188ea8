import type { inferRouterOutputs } from "@trpc/server";
import { useLocale } from "next-intl";
import { useMemo } from "react";
import { INTL_TAG } from "@/i18n/locales";
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

/**
 * A moment in the screen's language (INTL_TAG: English as written in Kenya keeps day-month
 * order and a 12-hour clock). Pages rendered on the server cannot know the device's time
 * zone: they show Kenyan time until the browser has taken over (useHydrated), then the
 * device's own.
 */
export function useFormatWhen(): (date: Date, options?: { deviceZone?: boolean }) => string {
  const tag = INTL_TAG[useLocale()];
  return useMemo(() => {
    const when = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short" });
    const inKenya = new Intl.DateTimeFormat(tag, {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: "Africa/Nairobi",
    });
    return (date, { deviceZone = true } = {}) => (deviceZone ? when : inKenya).format(date);
  }, [tag]);
}

/** What a screen of one order is given: the order, and how to report it changed or ran out. */
export interface OrderScreenProps {
  order: CustomerOrder;
  onChange: (order: CustomerOrder) => void;
  onElapsed: () => void;
}
