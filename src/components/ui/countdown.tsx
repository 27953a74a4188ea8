"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { INTL_TAG } from "@/i18n/locales";
import { spokenTimeLeft } from "@/lib/countdown";

/**
 * Minutes and seconds left until `until`; calls onElapsed once when it reaches zero.
 * The ticking mm:ss is for the eye only; screen readers get a polite live text that changes
 * at steps (spokenTimeLeft: each minute, 30 s, 10 s), not every second.
 */
export function Countdown({ until, onElapsed }: { until: Date; onElapsed?: () => void }) {
  const locale = useLocale();
  const timeLeft = useTranslations("common.ui.timeLeft");
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
  const spoken = spokenTimeLeft(left);
  return (
    <span data-testid="countdown">
      <span className="amount" aria-hidden="true" data-testid="countdown-clock">
        {mm}:{ss}
      </span>
      <span
        className="sr-only"
        aria-live="polite"
        aria-atomic="true"
        data-testid="countdown-spoken"
      >
        {timeLeft(spoken.unit, { count: spoken.count })}
      </span>
    </span>
  );
}
