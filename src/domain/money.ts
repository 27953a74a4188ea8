import { DomainError } from "./errors";

import { CURRENCY_EXPONENTS, type CurrencyCode, formatMinor, isCurrencyCode } from "./money-format";

export { CURRENCY_EXPONENTS, type CurrencyCode, formatMinor, isCurrencyCode };

/** Largest amount any single movement may carry: far above any limit, far below 2^63. */
export const MAX_AMOUNT_MINOR = 10n ** 13n;

/** Parses what a person types ("1,250.5", "300") into minor units, refusing extra decimals. */
export function parseMajor(input: string, currency: CurrencyCode): bigint {
  const exponent = CURRENCY_EXPONENTS[currency];
  const text = input.trim().replace(/[,\s_]/g, "");
  const match = /^(\d{1,13})(?:\.(\d*))?$/.exec(text);
  if (!match) throw new DomainError("INVALID_INPUT", "amountFormat");
  const whole = match[1] ?? "0";
  const fraction = match[2] ?? "";
  if (fraction.length > exponent) {
    throw new DomainError("INVALID_INPUT", exponent === 0 ? "noDecimals" : "maxDecimals", {
      currency,
      exponent,
    });
  }
  return BigInt(whole) * 10n ** BigInt(exponent) + BigInt(fraction.padEnd(exponent, "0") || "0");
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
