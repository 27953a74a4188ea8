import { createHash } from "node:crypto";
import superjson, { type SuperJSONResult } from "superjson";
import { DomainError } from "@/domain/errors";
import { inTransaction, type Tx } from "../db/transaction";
import { claimKey, storeResponse } from "../repositories/idempotency";
import type { Actor } from "./actor";

function requestHash(operation: string, payload: unknown): string {
  const canonical = superjson.stringify({ operation, payload });
  return createHash("sha256").update(canonical).digest("hex");
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
): Promise<T> {
  const hash = requestHash(operation, payload);
  return inTransaction(async (tx) => {
    const claim = await claimKey(tx, { userId: actor.userId, key, operation, requestHash: hash });
    if (claim.kind === "replay") {
      if (claim.operation !== operation || claim.requestHash !== hash) {
        throw new DomainError(
          "IDEMPOTENCY_KEY_REUSED",
          "This request key was already used for a different request",
        );
      }
      return superjson.deserialize<T>(claim.response as SuperJSONResult);
    }
    const result = await work(tx);
    await storeResponse(tx, { userId: actor.userId, key }, superjson.serialize(result));
    return result;
  });
}
