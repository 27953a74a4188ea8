import { createHash } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { getDb, getPool } from "./client";
import type { Tx } from "./transaction";

/**
 * Where a statement runs: inside the caller's Prisma transaction, or (null) on its own on a
 * pooled connection, with no BEGIN, SET or COMMIT around it. The money path uses the latter:
 * a command that is one statement holds its row locks only while PostgreSQL executes it.
 */
export type Runner = Tx | null;

// Serialization failures and deadlocks ask us to try again; PP202 is order_step saying an
// idempotency key was taken meanwhile, which a second try answers from the stored key.
const RETRYABLE = new Set(["40001", "40P01", "PP202"]);
const MAX_ATTEMPTS = 4;

/** The SQLSTATE and message of a database error, however it reached us. */
export function sqlError(error: unknown): { code: string; message: string } | null {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    const cause = (
      error.meta?.driverAdapterError as
        | { cause?: { originalCode?: string; originalMessage?: string } }
        | undefined
    )?.cause;
    if (cause?.originalCode) {
      return { code: cause.originalCode, message: cause.originalMessage ?? error.message };
    }
    return null;
  }
  // node-postgres: a DatabaseError carries the SQLSTATE in `code`.
  if (error instanceof Error && "severity" in error && "code" in error) {
    return { code: String(error.code), message: error.message };
  }
  return null;
}

// Named statements are parsed and planned once per connection, not once per call.
const names = new Map<string, string>();
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `pp_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs one statement that returns one jsonb value and returns that value. On its own it
 * is retried when PostgreSQL asks; in a transaction the transaction's runner retries.
 */
export async function queryJson<T>(db: Runner, text: string, values: unknown[]): Promise<T> {
  if (db) {
    const rows = await db.$queryRawUnsafe<{ r: T }[]>(text, ...values);
    return rows[0]!.r;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await getPool().query<{ r: T }>({ name: statementName(text), text, values });
      return result.rows[0]!.r;
    } catch (error) {
      const code = sqlError(error)?.code;
      if (attempt >= MAX_ATTEMPTS || !code || !RETRYABLE.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10));
    }
  }
}

/** A Prisma handle for a runner: the caller's transaction, or the client (one statement). */
export function prismaOf(db: Runner): Tx {
  return db ?? getDb();
}
