import { createHash } from "node:crypto";
import superjson, { type SuperJSONResult } from "superjson";
import { DomainError } from "@/domain/errors";
import { inTransaction, type Tx } from "../db/transaction";
import { claimKey, storeResponse } from "../repositories/idempotency";
import type { Actor } from "./actor";

/** The fingerprint of a request kept with its key: the same key must come with the same request. */
export function requestHash(operation: string, payload: unknown): string {
  const canonical = superjson.stringify({ operation, payload });
  return createHash("sha256").update(canonical).digest("hex");
}

/**
 * How a result is kept in the idempotency table and rebuilt on replay. A result that
 * carries a live secret (an order's QR token) is stored without it and rebuilt from what
 * the server alone can derive, so a copy of the table is not a copy of the secrets.
 */
export interface AtRest<T> {
  store: (result: T) => T;
  restore: (stored: T) => T;
}

/**
 * Runs a money-moving use case once per (user, key): the key row is written in the same
 * transaction as the work, so either both exist or neither. A replay returns the stored
 * result; the same key with another payload is refused. A call that fails changes nothing
 * and stores nothing, so retrying it with the same key runs it again.
 */
export function idempotent<T>(
  actor: Actor,
  key: string,
  operation: string,
  payload: unknown,
  work: (tx: Tx) => Promise<T>,
  atRest?: AtRest<T>,
): Promise<T> {
  const hash = requestHash(operation, payload);
  return inTransaction(async (tx) => {
    const claim = await claimKey(tx, { userId: actor.userId, key, operation, requestHash: hash });
    if (claim.kind === "replay") {
      if (claim.operation !== operation || claim.requestHash !== hash) {
        throw new DomainError("IDEMPOTENCY_KEY_REUSED", "requestKeyReused");
      }
      const stored = superjson.deserialize<T>(claim.response as SuperJSONResult);
      return atRest ? atRest.restore(stored) : stored;
    }
    const result = await work(tx);
    const kept = atRest ? atRest.store(result) : result;
    await storeResponse(tx, { userId: actor.userId, key }, superjson.serialize(kept));
    return result;
  });
}
