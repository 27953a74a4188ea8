import type { RebalanceKind, RebalanceStatus } from "@/domain/rebalance";
import type { Tx } from "../db/transaction";
import { keysetBefore } from "./keyset";

export interface RebalanceRow {
  id: string;
  agentId: string;
  kind: RebalanceKind;
  amount: bigint;
  currency: string;
  bankReference: string | null;
  status: RebalanceStatus;
  requestedBy: string;
  firstApprovedBy: string | null;
}

/**
 * Records a request; false when its deposit reference is already in a waiting or approved
 * request (the partial unique index decides, so two agents racing with one reference cannot
 * both get in).
 */
export async function insertRebalance(
  db: Tx,
  r: Omit<RebalanceRow, "status" | "firstApprovedBy"> & { idempotencyKey: string },
): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO rebalance_requests
      (id, agent_id, kind, amount, currency, bank_reference, requested_by, idempotency_key)
    VALUES (${r.id}::uuid, ${r.agentId}::uuid, ${r.kind}::"RebalanceKind", ${r.amount},
            ${r.currency}, ${r.bankReference}, ${r.requestedBy}::uuid, ${r.idempotencyKey})
    ON CONFLICT DO NOTHING`;
  return inserted === 1;
}

/**
 * Holds a sale's amount on the agent's float, all of it or nothing. The UPDATE locks the
 * account row and PostgreSQL re-checks the condition on the row as it is once the lock is
 * granted, so a burst of sales (and cash-outs, which hold through the same column) never
 * holds more than the float has.
 */
export async function holdForRebalance(
  db: Tx,
  hold: { accountId: bigint; rebalanceId: string; amount: bigint },
): Promise<boolean> {
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    WITH reserved AS (
      UPDATE accounts SET on_hold = on_hold + ${hold.amount}
      WHERE id = ${hold.accountId} AND balance - on_hold >= ${hold.amount}
      RETURNING id
    )
    INSERT INTO holds (account_id, rebalance_id, amount)
    SELECT id, ${hold.rebalanceId}::uuid, ${hold.amount} FROM reserved
    RETURNING id`;
  return rows.length === 1;
}

/**
 * Ends a sale's hold: RELEASED gives the amount back to the available float (rejected or
 * cancelled); CAPTURED takes it off the hold just before the DEFLOAT entry posts it, in the
 * same transaction, with the account row still locked by this update.
 */
export async function endRebalanceHold(
  db: Tx,
  rebalanceId: string,
  to: "RELEASED" | "CAPTURED",
): Promise<boolean> {
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    WITH ended AS (
      UPDATE holds SET status = ${to}::"HoldStatus", resolved_at = now()
      WHERE rebalance_id = ${rebalanceId}::uuid AND status = 'ACTIVE'
      RETURNING account_id, amount
    )
    UPDATE accounts a SET on_hold = a.on_hold - e.amount FROM ended e WHERE a.id = e.account_id
    RETURNING a.id`;
  return rows.length === 1;
}

/** Reads a request and locks it: concurrent decisions (and a cancel) take turns on it. */
export async function lockRebalance(db: Tx, id: string): Promise<RebalanceRow | null> {
  const rows = await db.$queryRaw<RebalanceRow[]>`
    SELECT id::text, agent_id::text AS "agentId", kind::text AS kind, amount, currency,
           bank_reference AS "bankReference", status::text AS status,
           requested_by::text AS "requestedBy", first_approved_by::text AS "firstApprovedBy"
    FROM rebalance_requests WHERE id = ${id}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

/** REQUESTED -> AWAITING_SECOND: the first operator approved beyond their own allowance. */
export async function markAwaitingSecond(db: Tx, id: string, by: string): Promise<boolean> {
  const changed = await db.$executeRaw`
    UPDATE rebalance_requests SET status = 'AWAITING_SECOND', first_approved_by = ${by}::uuid,
                                  first_approved_at = now()
    WHERE id = ${id}::uuid AND status = 'REQUESTED'`;
  return changed === 1;
}

/**
 * Closes a waiting request (approved with its entry, rejected, or cancelled by its agent).
 * Guarded: only from a waiting status, and a request awaiting a second operator is closed by
 * anyone but the first approver (the CHECK says the same for approval). Exactly one of
 * concurrent closers gets true.
 */
export async function closeRebalance(
  db: Tx,
  c: {
    id: string;
    to: "APPROVED" | "REJECTED" | "CANCELLED";
    by: string;
    reason: string | null;
    entryId: bigint | null;
  },
): Promise<boolean> {
  const changed = await db.$executeRaw`
    UPDATE rebalance_requests SET status = ${c.to}::"RebalanceStatus", decided_by = ${c.by}::uuid,
      decided_at = now(), decision_reason = ${c.reason}, journal_entry_id = ${c.entryId}
    WHERE id = ${c.id}::uuid
      AND (status = 'REQUESTED'
           OR (status = 'AWAITING_SECOND' AND first_approved_by IS DISTINCT FROM ${c.by}::uuid))`;
  return changed === 1;
}

const LISTED = {
  id: true,
  agentId: true,
  kind: true,
  amount: true,
  currency: true,
  bankReference: true,
  status: true,
  requestedAt: true,
  firstApprovedBy: true,
  firstApprovedAt: true,
  decidedBy: true,
  decidedAt: true,
  decisionReason: true,
} as const;

/** A shop's requests, newest first. */
export function rebalancesOfAgent(db: Tx, agentId: string, limit: number) {
  return db.rebalanceRequest.findMany({
    where: { agentId },
    orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: LISTED,
  });
}

/** The operators' queue (waiting or decided statuses), newest first by keyset. */
export function rebalanceQueue(
  db: Tx,
  q: {
    statuses: RebalanceStatus[];
    limit: number;
    before?: { requestedAt: Date; id: string } | undefined;
  },
) {
  return db.rebalanceRequest.findMany({
    where: {
      status: { in: q.statuses },
      ...(q.before
        ? keysetBefore("requestedAt", { at: q.before.requestedAt, id: q.before.id })
        : {}),
    },
    orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
    take: q.limit,
    select: { ...LISTED, agent: { select: { shopName: true } } },
  });
}

export interface AgentFlows {
  cashInCount: number;
  cashInTotal: bigint;
  cashOutCount: number;
  cashOutTotal: bigint;
  fundedTotal: bigint;
  defloatedTotal: bigint;
}

/**
 * What went through a shop in the last `days` days: completed cash-ins and cash-outs, and
 * the operators' float movements (fundings and defloats, rebalances included) on its float.
 */
export async function agentFlows(db: Tx, agentId: string, days: number): Promise<AgentFlows> {
  const rows = await db.$queryRaw<AgentFlows[]>`
    WITH o AS (
      SELECT type, count(*)::int AS n, coalesce(sum(amount), 0)::bigint AS total FROM orders
      WHERE agent_id = ${agentId}::uuid AND status IN ('COMPLETED', 'REVERSED')
        AND completed_at > now() - make_interval(days => ${days}::int)
      GROUP BY type
    ), m AS (
      SELECT e.kind, coalesce(sum(abs(p.amount)), 0)::bigint AS total
      FROM agents ag
      JOIN accounts a ON a.user_id = ag.user_id AND a.kind = 'FLOAT'
      JOIN postings p ON p.account_id = a.id
      JOIN journal_entries e ON e.id = p.entry_id
      WHERE ag.id = ${agentId}::uuid AND e.kind IN ('FUND_FLOAT', 'DEFLOAT')
        AND e.created_at > now() - make_interval(days => ${days}::int)
      GROUP BY e.kind
    )
    SELECT
      coalesce((SELECT n FROM o WHERE type = 'CASH_IN'), 0) AS "cashInCount",
      coalesce((SELECT total FROM o WHERE type = 'CASH_IN'), 0)::bigint AS "cashInTotal",
      coalesce((SELECT n FROM o WHERE type = 'CASH_OUT'), 0) AS "cashOutCount",
      coalesce((SELECT total FROM o WHERE type = 'CASH_OUT'), 0)::bigint AS "cashOutTotal",
      coalesce((SELECT total FROM m WHERE kind = 'FUND_FLOAT'), 0)::bigint AS "fundedTotal",
      coalesce((SELECT total FROM m WHERE kind = 'DEFLOAT'), 0)::bigint AS "defloatedTotal"`;
  return rows[0]!;
}

/** A shop's requests of the last `days` days, for the operator deciding the next one. */
export function recentRebalances(db: Tx, agentId: string, days: number) {
  return db.rebalanceRequest.findMany({
    where: { agentId, requestedAt: { gt: new Date(Date.now() - days * 86_400_000) } },
    orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
    take: 20,
    select: LISTED,
  });
}
