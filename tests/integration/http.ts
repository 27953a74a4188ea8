import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import superjson from "superjson";
import { handleTrpcRequest } from "../../src/server/api/http";
import { appRouter } from "../../src/server/api/root";
import type { Context } from "../../src/server/api/trpc";
import { inTransaction } from "../../src/server/db/transaction";
import type { Actor } from "../../src/server/use-cases/actor";
import { callerFor } from "./helpers";

export interface HttpOutcome {
  status: number;
  message: string;
}

type ProcedureType = "query" | "mutation" | "subscription";

export function procedureType(path: string): ProcedureType {
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: ProcedureType } }
  >;
  const procedure = procedures[path];
  if (!procedure) throw new Error(`no procedure ${path}`);
  return procedure._def.type;
}

/**
 * Calls a procedure through the real HTTP handler (fetch adapter), so status codes are
 * what a browser or a script would see: queries by GET, mutations by POST. `raw` sends the
 * body as plain JSON instead of superjson. Subscriptions stream over SSE, so they are
 * called in-process and their first event's error is turned into its HTTP status.
 */
export async function callHttp(
  actor: Actor | null,
  path: string,
  input: unknown,
  raw = false,
  /** The caller's address: per-IP limits are shared by every call from the same one. */
  ip = "127.0.0.1",
): Promise<HttpOutcome> {
  const type = procedureType(path);
  if (type === "subscription") return callSubscription(actor, path, input);
  const encoded = raw ? JSON.stringify(input) : encode(input);
  const req =
    type === "query"
      ? new Request(`http://localhost/api/trpc/${path}?input=${encodeURIComponent(encoded)}`)
      : new Request(`http://localhost/api/trpc/${path}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: encoded,
        });
  const ctx: Context = { actor, ip };
  const res = await handleTrpcRequest(req, async () => ctx);
  const json = (await res.json()) as { error?: { json: { message: string } } };
  return { status: res.status, message: json.error?.json.message ?? "" };
}

/**
 * superjson, as the app's client sends it; for values the client library itself refuses
 * to encode (keys such as __proto__), the same envelope written by hand, as an attacker's
 * script would send it.
 */
function encode(input: unknown): string {
  try {
    return superjson.stringify(input);
  } catch {
    return JSON.stringify({ json: input }, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
  }
}

async function callSubscription(
  actor: Actor | null,
  path: string,
  input: unknown,
): Promise<HttpOutcome> {
  const [group, name] = path.split(".") as [string, string];
  const api = callerFor(actor) as unknown as Record<
    string,
    Record<string, (i: unknown) => Promise<AsyncIterable<unknown>>>
  >;
  try {
    const iterator = (await api[group]![name]!(input))[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.return?.();
    return { status: 200, message: "" };
  } catch (error) {
    const trpc =
      error instanceof TRPCError
        ? error
        : new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error });
    return { status: getHTTPStatusCodeFromError(trpc), message: trpc.message };
  }
}

/**
 * Everything a refused call must leave untouched, in one round trip (the fuzzer takes
 * thousands of these).
 */
export async function snapshot() {
  const [row] = await inTransaction(
    (tx) => tx.$queryRaw<Record<string, bigint | string>[]>`
      SELECT (SELECT count(*) FROM users) AS users,
             (SELECT count(*) FROM orders) AS orders,
             (SELECT count(*) FROM order_events) AS "orderEvents",
             (SELECT count(*) FROM journal_entries) AS entries,
             (SELECT count(*) FROM postings) AS postings,
             (SELECT count(*) FROM holds) AS holds,
             (SELECT count(*) FROM idempotency_keys) AS keys,
             (SELECT count(*) FROM audit_log) AS audit,
             (SELECT coalesce(sum(balance), 0)::bigint FROM accounts) AS balance,
             (SELECT coalesce(sum(on_hold), 0)::bigint FROM accounts) AS on_hold,
             (SELECT coalesce(string_agg(status::text || ':' || n, ',' ORDER BY status), '')
                FROM (SELECT status, count(*) AS n FROM orders GROUP BY status) s) AS statuses`,
  );
  return row;
}
