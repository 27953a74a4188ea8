/**
 * What a screen reader hears of an order's countdown. The visible clock ticks every second;
 * announcing each tick would drown everything else the screen says, so the spoken text
 * changes only at steps: each whole minute, then 30 and 10 seconds before the end, then 0.
 * A polite live region holding this text speaks only when it changes, i.e. at those steps.
 */
export function spokenTimeLeft(secondsLeft: number): string {
  const left = Math.max(0, Math.floor(secondsLeft));
  if (left === 0) return "no time left";
  if (left <= 10) return "10 seconds";
  if (left <= 30) return "30 seconds";
  // Rounded up: "3 minutes" from 3:00 down to 2:01, so the words change on the minute.
  const minutes = Math.ceil(left / 60);
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
