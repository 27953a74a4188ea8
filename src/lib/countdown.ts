/** A step of the spoken countdown: whole minutes, or 30, 10 or 0 seconds. */
export type TimeLeftStep = { unit: "minutes"; count: number } | { unit: "seconds"; count: number };

/**
 * What a screen reader hears of an order's countdown (worded by common.ui.timeLeft). The
 * visible clock ticks every second; announcing each tick would drown everything else the
 * screen says, so the spoken text changes only at steps: each whole minute, then 30 and 10
 * seconds before the end, then 0. A polite live region holding the words speaks only when
 * they change, i.e. at those steps.
 */
export function spokenTimeLeft(secondsLeft: number): TimeLeftStep {
  const left = Math.max(0, Math.floor(secondsLeft));
  if (left === 0) return { unit: "seconds", count: 0 };
  if (left <= 10) return { unit: "seconds", count: 10 };
  if (left <= 30) return { unit: "seconds", count: 30 };
  // Rounded up: "3 minutes" from 3:00 down to 2:01, so the words change on the minute.
  return { unit: "minutes", count: Math.ceil(left / 60) };
}
