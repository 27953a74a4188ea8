import type { FailurePolicy } from "@/domain/rate-limits";
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "../db/transaction";

/** The end of the key's lock, when it is locked now. */
export async function lockedUntil(db: Tx, key: string): Promise<Date | null> {
  const rows = await db.$queryRaw<{ locked_until: Date }[]>`
    SELECT locked_until FROM rate_limits WHERE key = ${key} AND locked_until > now()`;
  return rows[0]?.locked_until ?? null;
}

/**
 * Counts one failure in the key's window; the failure that reaches the limit locks the key
 * and starts a fresh window. One upsert, so concurrent failures are all counted.
 */
export async function recordFailure(db: Tx, key: string, p: FailurePolicy): Promise<Date | null> {
  const windowOver = Prisma.sql`r.window_start <= now() - make_interval(secs => ${p.windowSeconds})`;
  const next = Prisma.sql`(CASE WHEN ${windowOver} THEN 1 ELSE r.failures + 1 END)`;
  const rows = await db.$queryRaw<{ locked_until: Date | null }[]>`
    INSERT INTO rate_limits AS r (key, window_start, failures) VALUES (${key}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      locked_until = CASE WHEN ${next} >= ${p.limit}
                          THEN now() + make_interval(secs => ${p.lockSeconds}) ELSE r.locked_until END,
      window_start = CASE WHEN ${next} >= ${p.limit} OR ${windowOver} THEN now() ELSE r.window_start END,
      failures = CASE WHEN ${next} >= ${p.limit} THEN 0 ELSE ${next} END
    RETURNING CASE WHEN locked_until > now() THEN locked_until END AS locked_until`;
  return rows[0]?.locked_until ?? null;
}

export async function clearFailures(db: Tx, key: string): Promise<void> {
  await db.$executeRaw`DELETE FROM rate_limits WHERE key = ${key}`;
}
