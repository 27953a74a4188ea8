import { DomainError } from "./errors";

// ISO 4217 minor-unit exponents of the currencies ProxyPay can run in. Amounts are
// always integer minor units (bigint); this table is the only place that knows decimals.
export const CURRENCY_EXPONENTS = {
  KES: 2,
  TZS: 2,
  UGX: 0,
  GHS: 2,
  NGN: 2,
  XOF: 0,
  USD: 2,
} as const satisfies Record<string, number>;

export type CurrencyCode = keyof typeof CURRENCY_EXPONENTS;

export function isCurrencyCode(value: string): value is CurrencyCode {
  return Object.hasOwn(CURRENCY_EXPONENTS, value);
}

/** Largest amount any single movement may carry: far above any limit, far below 2^63. */
export const MAX_AMOUNT_MINOR = 10n ** 13n;

/** Parses what a person types ("1,250.5", "300") into minor units, refusing extra decimals. */
export function parseMajor(input: string, currency: CurrencyCode): bigint {
  const exponent = CURRENCY_EXPONENTS[currency];
  const text = input.trim().replace(/[,\s_]/g, "");
  const match = /^(\d{1,13})(?:\.(\d*))?$/.exec(text);
  if (!match) throw new DomainError("INVALID_INPUT", "Enter an amount like 500 or 500.50");
  const whole = match[1] ?? "0";
  const fraction = match[2] ?? "";
  if (fraction.length > exponent) {
    throw new DomainError(
      "INVALID_INPUT",
      exponent === 0
        ? `${currency} amounts have no decimals`
        : `${currency} amounts have at most ${exponent} decimals`,
    );
  }
  return BigInt(whole) * 10n ** BigInt(exponent) + BigInt(fraction.padEnd(exponent, "0") || "0");
}

/**
 * Formats minor units for people, in a language (an Intl tag such as "fr-FR"; English as
 * written in Kenya when none is given): 125050n KES -> "KES 1,250.50", "1 250,50 KES" in
 * French. Always with the currency's own number of decimals, and exactly: the amount goes
 * to Intl as a decimal string, never through a float. English keeps a plain space after the
 * code, so receipts, SMS and logs read the same as they always have.
 */
export function formatMinor(amount: bigint, currency: string, locale = "en-KE"): string {
  const exponent = isCurrencyCode(currency) ? CURRENCY_EXPONENTS[currency] : 2;
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const scale = 10n ** BigInt(exponent);
  const fraction = exponent > 0 ? `.${(abs % scale).toString().padStart(exponent, "0")}` : "";
  const decimal = `${negative ? "-" : ""}${abs / scale}${fraction}` as `${number}`;
  const text = moneyFormat(locale, currency, exponent).format(decimal);
  return locale.startsWith("en") ? text.replace(/\u00a0/g, " ") : text;
}

const formats = new Map<string, Intl.NumberFormat>();

/** One Intl formatter per language and currency: building one costs far more than using it. */
function moneyFormat(locale: string, currency: string, exponent: number): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      currencyDisplay: "code",
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
    formats.set(key, format);
  }
  return format;
}

/** amount * bps / 10000, rounded half up; integer arithmetic only. */
export function applyBps(amount: bigint, bps: number): bigint {
  if (!Number.isInteger(bps) || bps < 0) throw new RangeError("bps must be a non-negative integer");
  return (amount * BigInt(bps) + 5_000n) / 10_000n;
}

export function clamp(value: bigint, min: bigint, max: bigint): bigint {
  if (value < min) return min;
  if (value > max) return max;
  return value;
}
