"use client";

import { useLocale } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { INTL_TAG } from "@/i18n/locales";

/** Minutes and seconds left until `until`; calls onElapsed once when it reaches zero. */
export function Countdown({ until, onElapsed }: { until: Date; onElapsed?: () => void }) {
  const locale = useLocale();
  // The screen's digits and grouping through Intl (every one of our languages writes a
  // clock's minutes and seconds as two digits with a colon).
  const twoDigits = useMemo(
    () => new Intl.NumberFormat(INTL_TAG[locale], { minimumIntegerDigits: 2, useGrouping: false }),
    [locale],
  );
  const [now, setNow] = useState(() => Date.now());
  const left = Math.max(0, Math.floor((until.getTime() - now) / 1000));
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (left === 0) onElapsed?.();
  }, [left, onElapsed]);
  const mm = twoDigits.format(Math.floor(left / 60));
  const ss = twoDigits.format(left % 60);
  return (
    <span className="amount" role="timer" aria-live="off">
      {mm}:{ss}
    </span>
  );
}
