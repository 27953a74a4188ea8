"use client";

import { useEffect, useState } from "react";

/** Minutes and seconds left until `until`; calls onElapsed once when it reaches zero. */
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
    <span className="amount" role="timer" aria-live="off">
      {mm}:{ss}
    </span>
  );
}
