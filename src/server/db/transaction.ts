import { Prisma } from "@/generated/prisma/client";
import { getDb, getReadDb } from "./client";

export type Tx = Prisma.TransactionClient;

const RETRYABLE_SQLSTATES = new Set(["40001", "40P01"]);
const MAX_ATTEMPTS = 4;

/** Serialization failures and deadlocks are the database asking us to try again. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2034") return true;
  const cause = (
    error.meta?.driverAdapterError as { cause?: { originalCode?: string } } | undefined
  )?.cause;
  return cause?.originalCode !== undefined && RETRYABLE_SQLSTATES.has(cause.originalCode);
}

/**
 * Runs `work` in one READ COMMITTED transaction. Money movements take explicit row locks
 * (inside ledger_post: people's accounts, then the platform's, each by id) and guarded
 * updates, so they do not need SERIALIZABLE; a rare deadlock or serialization failure is
 * retried here, with jitter, and never reaches the user.
 */
export async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      // READ COMMITTED is PostgreSQL's default; naming it would send a SET TRANSACTION
      // statement with every transaction for nothing.
      return await getDb().$transaction(work, {
        // Hot float rows queue many transactions behind one lock: wait, do not fail.
        maxWait: 20_000,
        timeout: 30_000,
      });
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
    }
  }
}

/**
 * Runs read-only `work` for a report that may be as stale as a replica's lag: on
 * DATABASE_READ_URL when set (a standby), otherwise exactly as inTransaction. Only for
 * operator reports whose reader cannot tell a few seconds' lag from the time the page took to
 * load (docs/operations.md, "Database failover"); never a money command, nor a screen that a
 * customer or agent reads right after acting.
 */
export async function inReadTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const db = getReadDb();
  if (db === getDb()) return inTransaction(work);
  // A standby cancels a long query that conflicts with replay (40001): try again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(work, { maxWait: 20_000, timeout: 30_000 });
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
    }
  }
}

/** A unique index refused the write (SQLSTATE 23505), whichever way Prisma reports it. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  const cause = (
    error.meta?.driverAdapterError as { cause?: { originalCode?: string } } | undefined
  )?.cause;
  return cause?.originalCode === "23505";
}
