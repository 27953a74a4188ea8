import type { inferRouterOutputs } from "@trpc/server";
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { useMemo } from "react";
import { INTL_TAG } from "@/i18n/locales";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>;

export type AgentOrder = Outputs["agent"]["claim"];
export type AgentOverview = Outputs["agent"]["overview"];
export type AgentHistoryRow = Outputs["agent"]["history"][number];
export type OrderStatus = AgentOrder["status"];
export type DrawerState = Outputs["drawer"]["state"];
export type LogbookLine = Outputs["drawer"]["logbook"]["lines"][number];

/**
 * Dates and times in the screen's language (INTL_TAG: English as written in Kenya, day
 * before month) on the platform's clock (the request config's time zone), so a receipt
 * reads the same on the tablet as on the customer's phone.
 */
function useDateFormats() {
  const tag = INTL_TAG[useLocale()];
  const timeZone = useTimeZone();
  return useMemo(
    () => ({
      when: new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone }),
      time: new Intl.DateTimeFormat(tag, { timeStyle: "short", timeZone }),
      day: new Intl.DateTimeFormat(tag, { dateStyle: "short", timeZone }),
    }),
    [tag, timeZone],
  );
}

export function useFormatWhen(): (date: Date) => string {
  const { when } = useDateFormats();
  return (date) => when.format(date);
}

/** Today's rows need only the time; older rows need the day as well. */
export function useFormatRowTime(): (date: Date, now?: Date) => string {
  const { when, time, day } = useDateFormats();
  const t = useTranslations("agent.history");
  return (date, now = new Date()) =>
    day.format(date) === day.format(now)
      ? t("todayAt", { time: time.format(date) })
      : when.format(date);
}

/**
 * live.order serves both parties and is typed as either view; the agent's copy is the one
 * that carries the masked customer phone.
 */
export function isAgentView<T extends object>(view: T | AgentOrder): view is AgentOrder {
  return "customerPhone" in view && "floatAfter" in view;
}
