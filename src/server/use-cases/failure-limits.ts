import { DomainError } from "@/domain/errors";
import { type FailurePolicy, retryAfterMinutes } from "@/domain/rate-limits";
import type { ErrorKey } from "@/i18n/translate";
import * as rateLimits from "../repositories/rate-limits";

// Each attempt at a guessable secret is counted BEFORE the secret is checked, in one
// statement that also says whether it may go on: a burst cannot slip past a check that
// runs before earlier failures are counted. Each call is its own statement outside the
// caller's transaction, so the count stays even when the caller's work is refused and
// rolled back.

/**
 * Records one attempt on every key before the secret is checked; throws
 * DomainError("RATE_LIMITED", message, { minutes }) when any key is over its limit (the
 * message says what was refused and when to try again: "Too many wrong PINs. Try again in
 * 5 minutes").
 */
export async function admitAttempt(
  entries: readonly { key: string; policy: FailurePolicy }[],
  message: ErrorKey & `tooMany.${string}`,
): Promise<void> {
  const lockedUntil = await rateLimits.admitAttempt(null, entries);
  if (lockedUntil) {
    throw new DomainError("RATE_LIMITED", message, {
      minutes: retryAfterMinutes(lockedUntil, new Date()),
    });
  }
}

/**
 * The secret was right: gives the attempt back on a shared key (an IP, an agent's typed
 * codes), so successes never use up its budget. For the key that protects the secret
 * itself (the phone's PIN), forgetFailures is the answer.
 */
export async function takeBackAttempt(key: string): Promise<void> {
  await rateLimits.takeBackAttempt(null, key);
}

/** The right secret forgives the earlier mistakes on its key (the phone's PIN). */
export async function forgetFailures(key: string): Promise<void> {
  await rateLimits.clearFailures(null, key);
}

/**
 * The owner's own PIN budget (PIN_TRUSTED_DEVICES): sign-ins from a trusted device and PIN
 * approvals inside a session. Keyed by user, so all of the owner's devices share it.
 */
export function trustedPinKey(userId: string): string {
  return `pin:trusted:${userId}`;
}
