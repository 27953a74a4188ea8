"use client";

import { useLocale } from "next-intl";
import { INTL_TAG } from "@/i18n/locales";

/**
 * Dates and counts on the console's oversight screens in the screen's language. The tag is
 * the platform's (en-KE for English: day before month, as the Nairobi team reads dates), and
 * the time zone is the browser's, as the shared formatMoment does.
 */
export function useMoment() {
  const tag = INTL_TAG[useLocale()];
  const moment = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "medium" });
  const day = new Intl.DateTimeFormat(tag, { dateStyle: "medium" });
  const integer = new Intl.NumberFormat(tag);
  return {
    moment: (date: Date) => moment.format(date),
    day: (date: Date) => day.format(date),
    integer: (value: bigint | number) => integer.format(value),
  };
}
