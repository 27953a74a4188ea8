import { DomainError } from "@/domain/errors";
import { type FailurePolicy, retryAfterText } from "@/domain/rate-limits";
import { inTransaction } from "../db/transaction";
import { clearFailures, lockedUntil, recordFailure } from "../repositories/rate-limits";

/** Throws RATE_LIMITED with `message` and the wait, when any of the keys is locked. */
export async function refuseIfLocked(keys: readonly string[], message: string): Promise<void> {
  const locks = await inTransaction(async (tx) => Promise.all(keys.map((k) => lockedUntil(tx, k))));
  const until = locks
    .filter((d): d is Date => d !== null)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  if (until)
    throw new DomainError("RATE_LIMITED", `${message}. ${retryAfterText(until, new Date())}`);
}

/**
 * Counts a failure against each key (in its own committed transaction: the caller's work is
 * about to be refused and rolled back) and says whether that locked any of them.
 */
export async function countFailure(
  entries: readonly { key: string; policy: FailurePolicy }[],
): Promise<Date | null> {
  const locks = await inTransaction(async (tx) => {
    const out: (Date | null)[] = [];
    for (const e of entries) out.push(await recordFailure(tx, e.key, e.policy));
    return out;
  });
  return locks.find((d): d is Date => d !== null) ?? null;
}

export async function forgetFailures(key: string): Promise<void> {
  await inTransaction((tx) => clearFailures(tx, key));
}
