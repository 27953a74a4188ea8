import type { FailurePolicy } from "./rate-limits";

// Proving a phone number with a one-time code before a wallet is opened on it. A code has
// 10^6 values and is tried at most CODE_ATTEMPTS times, and a number gets at most
// CODES_PER_PHONE codes an hour, so guessing one succeeds about once in 70,000 hours.

export const CODE_DIGITS = 6;
export const CODE_TTL_SECONDS = 5 * 60;
/** Guesses per code, counted before each is checked. */
export const CODE_ATTEMPTS = 5;
/** Time between a right code and the name + PIN step. */
export const TICKET_TTL_SECONDS = 15 * 60;

/** Codes sent to one number: also caps the SMS a stranger can make a number receive. */
export const CODES_PER_PHONE: FailurePolicy = {
  limit: 3,
  windowSeconds: 60 * 60,
  lockSeconds: 60 * 60,
};
/** Codes asked for from one address, whatever the numbers (SMS costs money). */
export const CODES_PER_IP: FailurePolicy = {
  limit: 10,
  windowSeconds: 60 * 60,
  lockSeconds: 60 * 60,
};

// The texts themselves are in messages/<locale>/errors.json ("sms"), in the recipient's language.
