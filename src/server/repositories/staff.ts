import type { Tx } from "../db/transaction";

export interface AssistantRow {
  userId: string;
  name: string;
  phone: string;
  status: "ACTIVE" | "SUSPENDED";
  addedAt: Date;
  suspendedAt: Date | null;
}

/**
 * Locks the shop's row for the rest of the transaction, so that people changes of one shop
 * take turns and each counts what the ones before it left. FOR NO KEY UPDATE: claims take a
 * key-share lock on the row (orders.agent_id) and are never held up by it.
 */
export async function lockShopRow(db: Tx, agentId: string): Promise<void> {
  await db.$queryRaw`SELECT 1 FROM agents WHERE id = ${agentId}::uuid FOR NO KEY UPDATE`;
}

export async function countActiveAssistants(db: Tx, agentId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM shop_assistants WHERE agent_id = ${agentId}::uuid AND status = 'ACTIVE'`;
  return Number(row?.n ?? 0n);
}

export async function insertAssistant(
  db: Tx,
  a: { userId: string; agentId: string; addedBy: string },
): Promise<void> {
  await db.$executeRaw`
    INSERT INTO shop_assistants (user_id, agent_id, added_by)
    VALUES (${a.userId}::uuid, ${a.agentId}::uuid, ${a.addedBy}::uuid)`;
}

/** A shop's assistants, oldest first, with the name and phone they sign in with. */
export function assistantsOfShop(db: Tx, agentId: string): Promise<AssistantRow[]> {
  return db.$queryRaw<AssistantRow[]>`
    SELECT s.user_id AS "userId", u.name, u.phone, s.status, s.added_at AS "addedAt",
           s.suspended_at AS "suspendedAt"
    FROM shop_assistants s JOIN users u ON u.id = s.user_id
    WHERE s.agent_id = ${agentId}::uuid
    ORDER BY s.added_at, s.user_id`;
}

/**
 * Suspends or reactivates one of this shop's assistants in one guarded update (the row must be
 * in the other state); suspending also ends the sessions the assistant holds, so their next
 * call is refused. Returns false when no such assistant of this shop was in the other state.
 */
export async function setAssistantStatus(
  db: Tx,
  a: { userId: string; agentId: string; suspended: boolean },
): Promise<boolean> {
  const changed = await db.$executeRaw`
    UPDATE shop_assistants SET
      status = CASE WHEN ${a.suspended} THEN 'SUSPENDED' ELSE 'ACTIVE' END,
      suspended_at = CASE WHEN ${a.suspended} THEN now() ELSE NULL END
    WHERE user_id = ${a.userId}::uuid AND agent_id = ${a.agentId}::uuid
      AND status = CASE WHEN ${a.suspended} THEN 'ACTIVE' ELSE 'SUSPENDED' END`;
  if (changed !== 1) return false;
  if (a.suspended) {
    await db.$executeRaw`UPDATE users SET sessions_valid_from = now() WHERE id = ${a.userId}::uuid`;
  }
  return true;
}
