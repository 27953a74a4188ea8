import { CURRENCY_EXPONENTS, formatMinor, isCurrencyCode } from "@/domain/money";

// Every formatter takes the Intl tag of the screen's language (INTL_TAG[locale]); screens get
// them bound to it from useAdminFormats(). The "en-KE" default keeps older callers working.
const EN = "en-KE";

/** An explicit + on money in, so a column of postings reads as in and out at a glance. */
export function signedMinor(amount: bigint, currency: string, tag = EN): string {
  return amount > 0n
    ? `+${formatMinor(amount, currency, tag)}`
    : formatMinor(amount, currency, tag);
}

/** The parts of a duration, for a message ("1 min 20 s"), or null for no duration at all. */
export function durationParts(
  seconds: number | null,
): { unit: "s" | "min" | "minS" | "h" | "hMin"; h: number; min: number; s: number } | null {
  if (seconds === null || !Number.isFinite(seconds)) return null;
  const total = Math.max(0, Math.round(seconds));
  if (total < 60) return { unit: "s", h: 0, min: 0, s: total };
  if (total < 3600) {
    const min = Math.floor(total / 60);
    const s = total % 60;
    return { unit: s === 0 ? "min" : "minS", h: 0, min, s };
  }
  const h = Math.floor(total / 3600);
  const min = Math.floor((total % 3600) / 60);
  return { unit: min === 0 ? "h" : "hMin", h, min, s: 0 };
}

/**
 * "1 min 20 s": how long an agent takes from scanning a code to completing the order.
 * English only; screens use useAdminFormats().duration, which words it in their language.
 */
export function formatDuration(seconds: number | null): string {
  const p = durationParts(seconds);
  if (!p) return "—";
  const words = {
    s: `${p.s} s`,
    min: `${p.min} min`,
    minS: `${p.min} min ${p.s} s`,
    h: `${p.h} h`,
    hMin: `${p.h} h ${p.min} min`,
  };
  return words[p.unit];
}

/** Null means there were no orders to complete, which is not the same as 0%. */
export function formatRate(rate: number | null, tag = EN): string {
  if (rate === null) return "—";
  return new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 1 }).format(rate);
}

export function formatCount(n: number, tag = EN): string {
  return new Intl.NumberFormat(tag).format(n);
}

/** The overview's days are UTC days (the server buckets by UTC), so they are labelled in UTC too. */
export function formatUtcDay(day: Date, tag = EN): string {
  return new Intl.DateTimeFormat(tag, {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  }).format(day);
}

/**
 * An axis tick: minor units (as a chart number) in whole currency units, compact ("KES 12K",
 * "12 k KES" in French). Charts need numbers for geometry; money shown as an exact figure
 * still goes through formatMinor.
 */
export function compactMajor(minor: number, currency: string, tag = EN): string {
  const exponent = isCurrencyCode(currency) ? CURRENCY_EXPONENTS[currency] : 2;
  const compact = new Intl.NumberFormat(tag, { notation: "compact", maximumFractionDigits: 1 });
  if (tag === EN) return `${currency} ${compact.format(minor / 10 ** exponent)}`;
  // Other languages put the code where their own money puts it (after the number in French).
  return new Intl.NumberFormat(tag, {
    style: "currency",
    currency,
    currencyDisplay: "code",
    notation: "compact",
    maximumFractionDigits: 1,
  }).format(minor / 10 ** exponent);
}
