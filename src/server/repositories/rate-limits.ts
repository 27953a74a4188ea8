import type { FailurePolicy } from "@/domain/rate-limits";
import { Prisma } from "@/generated/prisma/client";
import { prismaOf, type Runner } from "../db/sql";
import { metrics, rateLimitScope } from "../observability/metrics";

/**
 * Records one attempt on every key and says, in the same statement, whether it may go on:
 * returns the end of the longest lock among the keys that refuse it, or null when every key
 * admits it. One upsert, so concurrent attempts queue on each key's row and each sees the
 * count of those before it: at most `limit` attempts per window are admitted, however many
 * arrive at once. The attempt over the limit locks the key for `lockSeconds` and starts a
 * fresh window; attempts during a lock are refused and not counted (the lock does not
 * grow). `failures` counts the window's attempts minus those a success took back
 * (takeBackAttempt), so it is the failures plus the attempts still being checked.
 * Keys are upserted in sorted order, so two statements never lock rows in opposite orders.
 */
export async function admitAttempt(
  runner: Runner,
  entries: readonly { key: string; policy: FailurePolicy }[],
): Promise<Date | null> {
  const db = prismaOf(runner);
  const byKey = new Map<string, FailurePolicy>();
  for (const e of entries) if (!byKey.has(e.key)) byKey.set(e.key, e.policy);
  const keys = [...byKey.keys()].sort();
  if (keys.length === 0) return null;
  const perKey = (value: (p: FailurePolicy) => number) =>
    Prisma.sql`(CASE r.key ${Prisma.join(
      keys.map((k) => Prisma.sql`WHEN ${k} THEN ${value(byKey.get(k)!)}::int`),
      " ",
    )} END)`;
  const limit = perKey((p) => p.limit);
  const lockSeconds = perKey((p) => p.lockSeconds);
  const locked = Prisma.sql`(r.locked_until > now())`;
  const windowOver = Prisma.sql`(r.window_start <= now() - make_interval(secs => ${perKey((p) => p.windowSeconds)}))`;
  const next = Prisma.sql`(r.failures + 1)`;
  const rows = await db.$queryRaw<{ key: string; locked_until: Date | null; new_lock: boolean }[]>`
    INSERT INTO rate_limits AS r (key, window_start, failures)
    VALUES ${Prisma.join(keys.map((k) => Prisma.sql`(${k}, now(), 1)`))}
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN ${locked} THEN r.failures
                      WHEN ${windowOver} THEN 1
                      WHEN ${next} > ${limit} THEN 0
                      ELSE ${next} END,
      window_start = CASE WHEN ${locked} THEN r.window_start
                          WHEN ${windowOver} OR ${next} > ${limit} THEN now()
                          ELSE r.window_start END,
      locked_until = CASE WHEN ${locked} THEN r.locked_until
                          WHEN NOT ${windowOver} AND ${next} > ${limit}
                            THEN now() + make_interval(secs => ${lockSeconds})
                          ELSE NULL END
    RETURNING r.key, CASE WHEN r.locked_until > now() THEN r.locked_until END AS locked_until,
      -- Locked by this statement: a lock taken earlier kept its older window_start.
      (r.locked_until > now() AND r.failures = 0 AND r.window_start = now()::timestamptz(3)) AS new_lock`;
  for (const r of rows) {
    if (r.new_lock) metrics().rateLimitLockouts.inc({ scope: rateLimitScope(r.key) });
  }
  const ends = rows.map((r) => r.locked_until).filter((d): d is Date => d !== null);
  return ends.sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
}

/**
 * A success takes its own attempt back from a shared key (an IP, an agent's typed codes),
 * so only failures use up the budget: a busy shop's wifi or an agent typing right codes is
 * never locked, while a guesser gains nothing (each guess still costs one attempt).
 */
export async function takeBackAttempt(db: Runner, key: string): Promise<void> {
  await prismaOf(db).$executeRaw`
    UPDATE rate_limits SET failures = greatest(failures - 1, 0)
    WHERE key = ${key} AND (locked_until IS NULL OR locked_until <= now())`;
}

export async function clearFailures(db: Runner, key: string): Promise<void> {
  await prismaOf(db).$executeRaw`DELETE FROM rate_limits WHERE key = ${key}`;
}
