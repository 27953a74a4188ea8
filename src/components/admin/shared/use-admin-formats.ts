import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { formatMinor } from "@/domain/money";
import { INTL_TAG } from "@/i18n/locales";
import {
  compactMajor,
  durationParts,
  formatCount,
  formatRate,
  formatUtcDay,
  signedMinor,
} from "./report-formats";
import { formatDay, formatMoment } from "./types";

/**
 * The console's numbers, dates and durations in the screen's language (the operator's
 * choice, not the server's). Works in client components and non-async server components.
 */
export function useAdminFormats() {
  const tag = INTL_TAG[useLocale()];
  const t = useTranslations("admin.format");
  return useMemo(() => {
    const time = new Intl.DateTimeFormat(tag, { timeStyle: "medium" });
    const percent = new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 0 });
    return {
      tag,
      day: (date: Date) => formatDay(date, tag),
      moment: (date: Date) => formatMoment(date, tag),
      time: (at: Date | number) => time.format(at),
      count: (n: number) => formatCount(n, tag),
      rate: (rate: number | null) => formatRate(rate, tag),
      /** A whole-number share (0.25 -> "25%"). */
      percent: (share: number) => percent.format(share),
      utcDay: (day: Date) => formatUtcDay(day, tag),
      compactMajor: (minor: number, currency: string) => compactMajor(minor, currency, tag),
      signedMinor: (amount: bigint, currency: string) => signedMinor(amount, currency, tag),
      money: (amount: bigint, currency: string) => formatMinor(amount, currency, tag),
      duration: (seconds: number | null) => {
        const p = durationParts(seconds);
        return p ? t(`duration.${p.unit}`, { h: p.h, min: p.min, s: p.s }) : "—";
      },
    };
  }, [tag, t]);
}
