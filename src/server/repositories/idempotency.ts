import type { Tx } from "../db/transaction";

export type IdempotencyClaim =
  | { kind: "new" }
  | { kind: "replay"; operation: string; requestHash: string; response: unknown };

/**
 * Claims a key inside the caller's transaction. If another transaction holds the same key
 * uncommitted, the INSERT waits for it (unique index) and then sees its stored result, so a
 * replay that arrives while the first call still runs gets the first call's answer.
 */
export async function claimKey(
  db: Tx,
  k: { userId: string; key: string; operation: string; requestHash: string },
): Promise<IdempotencyClaim> {
  const inserted = await db.$executeRaw`
    INSERT INTO idempotency_keys (user_id, key, operation, request_hash, response)
    VALUES (${k.userId}::uuid, ${k.key}, ${k.operation}, ${k.requestHash}, 'null'::jsonb)
    ON CONFLICT (user_id, key) DO NOTHING`;
  if (inserted === 1) return { kind: "new" };
  const row = await db.idempotencyKey.findUniqueOrThrow({
    where: { userId_key: { userId: k.userId, key: k.key } },
  });
  return {
    kind: "replay",
    operation: row.operation,
    requestHash: row.requestHash,
    response: row.response,
  };
}

export async function storeResponse(
  db: Tx,
  k: { userId: string; key: string },
  response: unknown,
): Promise<void> {
  await db.$executeRaw`
    UPDATE idempotency_keys SET response = ${JSON.stringify(response)}::jsonb
    WHERE user_id = ${k.userId}::uuid AND key = ${k.key}`;
}
