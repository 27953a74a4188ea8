import type { Tx } from "../db/transaction";
import { keysetBefore } from "./keyset";
import { ORDER_HEADLINE } from "./orders";

/** Inserts a REQUESTED reversal unless one is already open for the order. */
export async function insertReversal(
  db: Tx,
  r: { id: string; orderId: string; reason: string; requestedBy: string },
): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO reversals (id, order_id, reason, requested_by)
    VALUES (${r.id}::uuid, ${r.orderId}::uuid, ${r.reason}, ${r.requestedBy}::uuid)
    ON CONFLICT (order_id) WHERE status = 'REQUESTED' DO NOTHING`;
  return inserted === 1;
}

/**
 * The guarded decision: only a REQUESTED reversal, only by someone other than its maker.
 * Two operators deciding at once serialise on the row; exactly one of them gets true.
 */
export async function decideReversal(
  db: Tx,
  d: { id: string; approve: boolean; decidedBy: string; note: string | null },
): Promise<boolean> {
  const changed = await db.$executeRaw`
    UPDATE reversals SET
      status = CASE WHEN ${d.approve} THEN 'APPROVED'::"ReversalStatus" ELSE 'REJECTED'::"ReversalStatus" END,
      decided_by = ${d.decidedBy}::uuid, decided_at = now(), decision_note = ${d.note}
    WHERE id = ${d.id}::uuid AND status = 'REQUESTED' AND requested_by <> ${d.decidedBy}::uuid`;
  return changed === 1;
}

export async function linkReversalEntry(db: Tx, id: string, entryId: bigint): Promise<void> {
  await db.$executeRaw`UPDATE reversals SET journal_entry_id = ${entryId} WHERE id = ${id}::uuid`;
}

export function findReversal(db: Tx, id: string) {
  return db.reversal.findUnique({ where: { id } });
}

/** The execution entry's postings, to be posted again with opposite signs. */
export function executionPostingsOf(db: Tx, orderId: string) {
  return db.$queryRaw<{ account_id: bigint; amount: bigint; kind: string }[]>`
    SELECT p.account_id, p.amount, a.kind::text FROM journal_entries e
    JOIN postings p ON p.entry_id = e.id JOIN accounts a ON a.id = p.account_id
    WHERE e.order_id = ${orderId}::uuid AND e.kind IN ('CASH_IN', 'CASH_OUT')
    ORDER BY p.id`;
}

export function reversalsPage(
  db: Tx,
  status: "REQUESTED" | "APPROVED" | "REJECTED" | undefined,
  limit: number,
  before?: { requestedAt: Date; id: string },
) {
  return db.reversal.findMany({
    where: {
      ...(status ? { status } : {}),
      ...(before ? keysetBefore("requestedAt", { at: before.requestedAt, id: before.id }) : {}),
    },
    orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
    take: limit,
    include: {
      order: {
        select: ORDER_HEADLINE,
      },
    },
  });
}
