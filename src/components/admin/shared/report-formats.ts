import { CURRENCY_EXPONENTS, formatMinor, isCurrencyCode } from "@/domain/money";

/** An explicit + on money in, so a column of postings reads as in and out at a glance. */
export function signedMinor(amount: bigint, currency: string): string {
  return amount > 0n ? `+${formatMinor(amount, currency)}` : formatMinor(amount, currency);
}

/** "1 min 20 s": how long an agent takes from scanning a code to completing the order. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "—";
  const total = Math.max(0, Math.round(seconds));
  if (total < 60) return `${total} s`;
  if (total < 3600) {
    const min = Math.floor(total / 60);
    const s = total % 60;
    return s === 0 ? `${min} min` : `${min} min ${s} s`;
  }
  const h = Math.floor(total / 3600);
  const min = Math.floor((total % 3600) / 60);
  return min === 0 ? `${h} h` : `${h} h ${min} min`;
}

/** Null means there were no orders to complete, which is not the same as 0%. */
export function formatRate(rate: number | null): string {
  if (rate === null) return "—";
  return `${(Math.round(rate * 1000) / 10).toLocaleString("en-KE")}%`;
}

const COUNT = new Intl.NumberFormat("en-KE");

export function formatCount(n: number): string {
  return COUNT.format(n);
}

// The overview's days are UTC days (the server buckets by UTC), so they are labelled in UTC too.
const UTC_DAY = new Intl.DateTimeFormat("en-KE", {
  weekday: "short",
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});

export function formatUtcDay(day: Date): string {
  return UTC_DAY.format(day);
}

const COMPACT = new Intl.NumberFormat("en-KE", { notation: "compact", maximumFractionDigits: 1 });

/**
 * An axis tick: minor units (as a chart number) in whole currency units, compact ("KES 12K").
 * Charts need numbers for geometry; money shown as an exact figure still goes through formatMinor.
 */
export function compactMajor(minor: number, currency: string): string {
  const exponent = isCurrencyCode(currency) ? CURRENCY_EXPONENTS[currency] : 2;
  return `${currency} ${COMPACT.format(minor / 10 ** exponent)}`;
}
