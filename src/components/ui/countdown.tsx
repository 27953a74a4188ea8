"use client";

import { useEffect, useState } from "react";
import { spokenTimeLeft } from "@/lib/countdown";

/**
 * Minutes and seconds left until `until`; calls onElapsed once when it reaches zero.
 * The ticking mm:ss is for the eye only; screen readers get a polite live text that changes
 * at steps (spokenTimeLeft: each minute, 30 s, 10 s), not every second.
 */
export function Countdown({ until, onElapsed }: { until: Date; onElapsed?: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  const left = Math.max(0, Math.floor((until.getTime() - now) / 1000));
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (left === 0) onElapsed?.();
  }, [left, onElapsed]);
  const mm = String(Math.floor(left / 60)).padStart(2, "0");
  const ss = String(left % 60).padStart(2, "0");
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
        {spokenTimeLeft(left)}
      </span>
    </span>
  );
}
