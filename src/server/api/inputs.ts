import { z } from "zod";
import { MAX_AMOUNT_MINOR } from "@/domain/money";

// Shared input pieces. Every procedure input is a strict object (unknown keys refused)
// with bounded strings and amounts.
export const orderId = z.uuid({ message: "Not a valid order id" });

export const idempotencyKey = z
  .string()
  .min(8, "The request key is too short")
  .max(64, "The request key is too long")
  .regex(/^[A-Za-z0-9_-]+$/, "The request key may use letters, digits, - and _ only");

export const phone = z
  .string()
  .trim()
  .max(20)
  .regex(/^\+[1-9]\d{7,14}$/, "Enter the phone number in international form, like +254712345678");

/** An operator's password: operators can move money, so no 4-digit PINs. */
export const operatorPassword = z
  .string()
  .min(12, "Use at least 12 characters")
  .max(128, "The password is too long");

export const pin = z.string().regex(/^\d{4,6}$/, "The PIN is 4 to 6 digits");

export const amountMinor = z
  .bigint({ message: "The amount must be a whole number of minor units (cents)" })
  .min(1n, "The amount must be more than zero")
  .max(MAX_AMOUNT_MINOR, "The amount is too large");

export const currency = z.string().regex(/^[A-Z]{3}$/, "Use a 3-letter currency code like KES");

/**
 * Free text people type (names, reasons): trimmed, bounded, and without control characters
 * (PostgreSQL refuses NUL in text, and none of them belongs in a name or a reason anyway).
 */
export function text(label: string, max: number) {
  return z
    .string()
    .trim()
    .min(1, `${label} is missing`)
    .max(max, `${label} is too long (at most ${max} characters)`)
    .regex(/^[^\p{Cc}]*$/u, `${label} may not contain control characters`);
}

export const page = z.strictObject({
  limit: z.number().int().min(1).max(50).default(20),
  before: z.strictObject({ createdAt: z.date(), id: orderId }).optional(),
});
