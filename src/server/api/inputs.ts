import { z } from "zod";
import { PHONE_PATTERN } from "@/domain/codes";
import { MAX_AMOUNT_MINOR } from "@/domain/money";
import { inputKey } from "@/i18n/translate";

// Shared input pieces. Every procedure input is a strict object (unknown keys refused)
// with bounded strings and amounts.
export const orderId = z.uuid({ message: inputKey("input.orderId") });

export const idempotencyKey = z
  .string()
  .min(8, inputKey("input.requestKeyShort"))
  .max(64, inputKey("input.requestKeyLong"))
  .regex(/^[A-Za-z0-9_-]+$/, inputKey("input.requestKeyChars"));

export const phone = z.string().trim().max(20).regex(PHONE_PATTERN, inputKey("input.phone"));

/** An operator's password: operators can move money, so no 4-digit PINs. */
export const operatorPassword = z
  .string()
  .min(12, inputKey("input.passwordShort"))
  .max(128, inputKey("input.passwordLong"));

export const pin = z.string().regex(/^\d{4,6}$/, inputKey("input.pin"));

export const amountMinor = z
  .bigint({ message: inputKey("input.amountWhole") })
  .min(1n, inputKey("input.amountPositive"))
  .max(MAX_AMOUNT_MINOR, inputKey("input.amountLarge"));

export const currency = z.string().regex(/^[A-Z]{3}$/, inputKey("input.currency"));

// Free text people type and others read: the rule lives in the domain, where the settings
// document's plan names use it too.
export { text } from "@/domain/text";

/**
 * The instants a date input may carry: well inside what both PostgreSQL's timestamptz and a
 * JavaScript Date hold exactly. Year 0 and -271821 are valid Dates but PostgreSQL refuses
 * them, which made list cursors and filters a 500; no record of ProxyPay is older than 2000.
 */
export const INSTANT_MIN = new Date("2000-01-01T00:00:00.000Z");
export const INSTANT_MAX = new Date("2200-01-01T00:00:00.000Z");
const OUT_OF_RANGE = inputKey("input.dateRange");
export const instant = z
  .date({ message: inputKey("input.date") })
  .min(INSTANT_MIN, OUT_OF_RANGE)
  .max(INSTANT_MAX, OUT_OF_RANGE);

/** How many rows a list call returns: 1 to `max`, `fallback` when not said. */
export function pageSize(max: number, fallback: number) {
  return z.number().int().min(1).max(max).default(fallback);
}

export const page = z.strictObject({
  limit: pageSize(50, 20),
  before: z.strictObject({ createdAt: instant, id: orderId }).optional(),
});

/** A reference at the operator's bank (a deposit, a transfer): what an operator can look up. */
export const bankRef = z
  .string()
  .trim()
  .min(3, inputKey("input.bankRefShort"))
  .max(80, inputKey("input.bankRefLong"))
  .regex(/^[A-Za-z0-9/._-]+$/, inputKey("input.bankRefChars"));
