import { createHash } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { log } from "../observability/log";
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

// SQLSTATEs our functions raise as answers (short money, a key taken meanwhile): outcomes
// the caller turns into a refusal, not failures worth a log line.
const EXPECTED = new Set(["PP201", "PP202", "PP203"]);

/**
 * Logs a failed statement with its SQLSTATE and message, never its parameters (they carry
 * token hashes, phones, amounts). The request id comes from the request context.
 */
function logSqlError(text: string, error: unknown): void {
  const e = sqlError(error);
  if (e && EXPECTED.has(e.code)) return;
  const statement = /\b(\w+)\s*\(/.exec(text.replace(/^\s*SELECT\s+/i, ""))?.[1] ?? "query";
  log().error(
    { sqlstate: e?.code, statement, err: e ? { message: e.message } : error },
    "SQL statement failed",
  );
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
    try {
      const rows = await db.$queryRawUnsafe<{ r: T }[]>(text, ...values);
      return rows[0]!.r;
    } catch (error) {
      // The transaction's runner retries these; only a final failure is worth a line.
      if (!RETRYABLE.has(sqlError(error)?.code ?? "")) logSqlError(text, error);
      throw error;
    }
  }
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await getPool().query<{ r: T }>({ name: statementName(text), text, values });
      return result.rows[0]!.r;
    } catch (error) {
      const code = sqlError(error)?.code;
      if (attempt >= MAX_ATTEMPTS || !code || !RETRYABLE.has(code)) {
        logSqlError(text, error);
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10));
    }
  }
}

/** A Prisma handle for a runner: the caller's transaction, or the client (one statement). */
export function prismaOf(db: Runner): Tx {
  return db ?? getDb();
}
