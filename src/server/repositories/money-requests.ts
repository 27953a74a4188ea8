import type { Tx } from "../db/transaction";
import { keysetBefore } from "./keyset";

export type MoneyRequestKind = "FUND_FLOAT" | "DEFLOAT" | "PAY_COMMISSION";

export interface MoneyRequestRow {
  id: string;
  kind: MoneyRequestKind;
  agentId: string;
  amount: bigint;
  currency: string;
  externalRef: string;
  status: "REQUESTED" | "APPROVED" | "REJECTED";
  requestedBy: string;
}

/** Records a movement waiting for a second operator, unless its bank reference already waits. */
export async function insertMoneyRequest(
  db: Tx,
  r: Omit<MoneyRequestRow, "status">,
): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO money_requests (id, kind, agent_id, amount, currency, external_ref, requested_by)
    VALUES (${r.id}::uuid, ${r.kind}, ${r.agentId}::uuid, ${r.amount}, ${r.currency},
            ${r.externalRef}, ${r.requestedBy}::uuid)
    ON CONFLICT (kind, external_ref) WHERE status = 'REQUESTED' DO NOTHING`;
  return inserted === 1;
}

/** Reads a request and locks it: two operators deciding at once take turns, and the second sees the first's decision. */
export async function lockMoneyRequest(db: Tx, id: string): Promise<MoneyRequestRow | null> {
  const rows = await db.$queryRaw<MoneyRequestRow[]>`
    SELECT id::text, kind, agent_id::text AS "agentId", amount, currency,
           external_ref AS "externalRef", status::text AS status, requested_by::text AS "requestedBy"
    FROM money_requests WHERE id = ${id}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

/** The decision, with the entry an approval posted, in one guarded update. */
export async function decideMoneyRequest(
  db: Tx,
  d: {
    id: string;
    approve: boolean;
    decidedBy: string;
    note: string | null;
    entryId: bigint | null;
  },
): Promise<boolean> {
  const changed = await db.$executeRaw`
    UPDATE money_requests SET
      status = CASE WHEN ${d.approve} THEN 'APPROVED'::"MoneyRequestStatus" ELSE 'REJECTED'::"MoneyRequestStatus" END,
      decided_by = ${d.decidedBy}::uuid, decided_at = now(), decision_note = ${d.note},
      journal_entry_id = ${d.entryId}
    WHERE id = ${d.id}::uuid AND status = 'REQUESTED' AND requested_by <> ${d.decidedBy}::uuid`;
  return changed === 1;
}

/** Whether a bank reference already waits for approval for this kind of movement. */
export async function openRequestFor(
  db: Tx,
  kind: MoneyRequestKind,
  externalRef: string,
): Promise<boolean> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT 1 AS n FROM money_requests
    WHERE kind = ${kind} AND external_ref = ${externalRef} AND status = 'REQUESTED'`;
  return rows.length > 0;
}

/**
 * What an operator moved alone in the last 24 hours: entries they posted themselves that no
 * second operator approved (approved ones are linked from money_requests, or from a
 * rebalance request that a first operator approved before them).
 */
export async function movedAloneLastDay(db: Tx, operatorId: string): Promise<bigint> {
  const rows = await db.$queryRaw<{ total: bigint }[]>`
    SELECT coalesce(sum(p.amount), 0)::bigint AS total
    FROM journal_entries e JOIN postings p ON p.entry_id = e.id AND p.amount > 0
    WHERE e.created_by = ${operatorId}::uuid
      AND e.created_at > now() - interval '24 hours'
      AND e.kind IN ('FUND_FLOAT', 'DEFLOAT', 'PAY_COMMISSION')
      AND NOT EXISTS (SELECT 1 FROM money_requests r WHERE r.journal_entry_id = e.id)
      AND NOT EXISTS (SELECT 1 FROM rebalance_requests b
                      WHERE b.journal_entry_id = e.id AND b.first_approved_by IS NOT NULL)`;
  return rows[0]?.total ?? 0n;
}

export function moneyRequestsPage(
  db: Tx,
  status: "REQUESTED" | "APPROVED" | "REJECTED" | undefined,
  limit: number,
  before?: { requestedAt: Date; id: string },
) {
  return db.moneyRequest.findMany({
    where: {
      ...(status ? { status } : {}),
      ...(before ? keysetBefore("requestedAt", { at: before.requestedAt, id: before.id }) : {}),
    },
    orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
    take: limit,
    include: { agent: { select: { shopName: true } } },
  });
}
