import { LIVE_STATUSES } from "@/domain/order-state";
import type { Order } from "@/generated/prisma/client";
import type { OrderStatus, OrderType } from "@/generated/prisma/enums";
import type { Tx } from "../db/transaction";

export type OrderRow = Order;

const ORDER_CHANNEL = "order_changed";

export { ORDER_CHANNEL };

export interface NewOrder {
  id: string;
  reference: string;
  type: OrderType;
  customerId: string;
  currency: string;
  amount: bigint;
  fee: bigint;
  tokenHash: string;
  typedCode: string;
  configVersion: number;
  ttlSeconds: number;
}

/**
 * Inserts a PENDING order, without a commission (that comes with the agent who claims it).
 * Returns false if its typed code collides with another live
 * order's (the caller draws a new code); expiry is computed from the database clock so
 * every instance agrees on it.
 */
export async function insertOrder(db: Tx, o: NewOrder): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO orders (id, reference, type, status, customer_id, currency, amount, fee,
                        token_hash, typed_code, config_version, expires_at)
    VALUES (${o.id}::uuid, ${o.reference}, ${o.type}::"OrderType", 'PENDING', ${o.customerId}::uuid,
            ${o.currency}, ${o.amount}, ${o.fee}, ${o.tokenHash}, ${o.typedCode},
            ${o.configVersion}, now() + make_interval(secs => ${o.ttlSeconds}))
    ON CONFLICT (typed_code) WHERE status IN ('PENDING', 'CLAIMED', 'APPROVED') DO NOTHING`;
  return inserted === 1;
}

export function findOrder(db: Tx, id: string): Promise<OrderRow | null> {
  return db.order.findUnique({ where: { id } });
}

export function findOrderByTokenHash(db: Tx, tokenHash: string): Promise<OrderRow | null> {
  return db.order.findUnique({ where: { tokenHash } });
}

/** Typed codes are unique among live orders only; closed orders may share an old code. */
export async function findLiveOrderByTypedCode(db: Tx, code: string): Promise<OrderRow | null> {
  return db.order.findFirst({
    where: { typedCode: code, status: { in: [...LIVE_STATUSES] } },
  });
}

/** The newest order that ever had this code: explains why a typed code no longer works. */
export async function findRecentOrderByTypedCode(db: Tx, code: string): Promise<OrderRow | null> {
  return db.order.findFirst({
    where: { typedCode: code, createdAt: { gt: new Date(Date.now() - 24 * 60 * 60 * 1000) } },
    orderBy: { createdAt: "desc" },
  });
}

export interface TransitionGuard {
  id: string;
  from: readonly OrderStatus[];
  to: OrderStatus;
  /** Only this agent may move the order (it claimed it); on claim, the agent to record. */
  agentId?: string;
  /** On claim (required then): what this agent earns on the order, by its plan. */
  commission?: bigint;
  /** On claim: the order stays open at least this long from now, for the counter's work. */
  holdOpenSeconds?: number;
  /** The customer's approval of a cash-out (which executes it). */
  approved?: boolean;
  /** People may act only before expiry; the expiry sweep only after it; reversals any time. */
  time: "before-expiry" | "after-expiry" | "any";
  closeReason?: string;
}

/**
 * The guarded state change: exactly one row or none. Concurrent callers racing for the
 * same transition serialise on the row lock and re-check the WHERE clause, so only one
 * of them can win; the losers get false and explain the current state to their user.
 */
export async function transitionOrder(db: Tx, g: TransitionGuard): Promise<boolean> {
  const agentId = g.agentId ?? null;
  const isClaim = g.to === "CLAIMED";
  const changed = await db.$executeRaw`
    UPDATE orders SET
      status = ${g.to}::"OrderStatus",
      agent_id = CASE WHEN ${isClaim} THEN ${agentId}::uuid ELSE agent_id END,
      claimed_at = CASE WHEN ${isClaim} THEN now() ELSE claimed_at END,
      commission = CASE WHEN ${g.commission !== undefined} THEN ${g.commission ?? null}::bigint ELSE commission END,
      expires_at = greatest(expires_at, now() + make_interval(secs => ${g.holdOpenSeconds ?? 0})),
      approved_at = CASE WHEN ${g.approved ?? false} THEN now() ELSE approved_at END,
      completed_at = CASE WHEN ${g.to} = 'COMPLETED' THEN now() ELSE completed_at END,
      closed_at = CASE WHEN ${g.to} IN ('CANCELLED', 'EXPIRED', 'DECLINED') THEN now() ELSE closed_at END,
      close_reason = COALESCE(${g.closeReason ?? null}, close_reason)
    WHERE id = ${g.id}::uuid
      AND status::text = ANY(${[...g.from]}::text[])
      AND (${isClaim} OR ${agentId}::uuid IS NULL OR agent_id = ${agentId}::uuid)
      AND (CASE ${g.time} WHEN 'before-expiry' THEN expires_at > now()
                          WHEN 'after-expiry' THEN expires_at <= now()
                          ELSE true END)`;
  return changed === 1;
}

/**
 * Records the change for the order's timeline and the audit log (who, from which IP,
 * before and after), and wakes up every screen watching the order. One statement.
 * A null actor is the platform itself (expiry).
 */
export async function recordOrderEvent(
  db: Tx,
  e: {
    orderId: string;
    from: OrderStatus | null;
    to: OrderStatus;
    actor: { userId: string; role: string; ip: string | null } | null;
    detail?: string;
  },
): Promise<void> {
  const actorId = e.actor?.userId ?? null;
  const actorRole = e.actor?.role ?? "SYSTEM";
  const before = e.from ? JSON.stringify({ status: e.from }) : null;
  const after = JSON.stringify({ status: e.to, ...(e.detail ? { detail: e.detail } : {}) });
  await db.$executeRaw`
    WITH ev AS (
      INSERT INTO order_events (order_id, from_status, to_status, actor_id, actor_role, detail)
      VALUES (${e.orderId}::uuid, ${e.from}::"OrderStatus", ${e.to}::"OrderStatus",
              ${actorId}::uuid, ${actorRole}, ${e.detail ?? null})
      RETURNING order_id
    ), audit AS (
      INSERT INTO audit_log (actor_id, actor_role, action, entity_type, entity_id, ip, before, after)
      SELECT ${actorId}::uuid, ${actorRole}, ${`order.${e.to.toLowerCase()}`}, 'order', order_id::text,
             ${e.actor?.ip ?? null}, ${before}::jsonb, ${after}::jsonb
      FROM ev
    )
    SELECT pg_notify(${ORDER_CHANNEL}, order_id::text) FROM ev`;
}

/** Whether the order is still live past its expiry: one statement, no transaction needed. */
export async function isOverdue(db: Tx, id: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ overdue: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM orders
      WHERE id = ${id}::uuid AND status IN ('PENDING', 'CLAIMED') AND expires_at <= now()
    ) AS overdue`;
  return rows[0]?.overdue ?? false;
}

export async function dueForExpiry(db: Tx, limit: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM orders
    WHERE status IN ('PENDING', 'CLAIMED') AND expires_at <= now()
    ORDER BY expires_at LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/** Cursor pagination on (created_at, id): stable under inserts, no OFFSET scans. */
export interface Page {
  limit: number;
  before?: { createdAt: Date; id: string } | undefined;
}

export function ordersOfCustomer(db: Tx, customerId: string, page: Page) {
  return db.order.findMany({
    where: {
      customerId,
      ...(page.before ? keysetBefore(page.before) : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit,
    include: { agent: { select: { shopName: true } } },
  });
}

export function ordersOfAgent(db: Tx, agentId: string, page: Page) {
  return db.order.findMany({
    where: { agentId, ...(page.before ? keysetBefore(page.before) : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit,
    include: { customer: { select: { phone: true } } },
  });
}

function keysetBefore(before: { createdAt: Date; id: string }) {
  return {
    OR: [
      { createdAt: { lt: before.createdAt } },
      { createdAt: before.createdAt, id: { lt: before.id } },
    ],
  };
}

export async function agentTotalsToday(db: Tx, agentId: string) {
  return db.$queryRaw<{ type: OrderType; count: bigint; amount: bigint; commission: bigint }[]>`
    SELECT type, count(*) AS count, coalesce(sum(amount), 0)::bigint AS amount,
           coalesce(sum(commission), 0)::bigint AS commission
    FROM orders
    WHERE agent_id = ${agentId}::uuid AND status = 'COMPLETED'
      AND completed_at >= date_trunc('day', now())
    GROUP BY type`;
}

export interface WalletAndUsage {
  accountId: bigint;
  balance: bigint;
  onHold: bigint;
  /** Sum of the customer's orders in 24 hours that did not fail (this one excluded). */
  usedToday: bigint;
  /** What pending cash-ins would still add to the wallet. */
  pendingCashIn: bigint;
}

/**
 * The wallet and what counts against the customer's limits, in ONE statement so they come
 * from one snapshot: a cash-in confirmed between two reads would otherwise be counted
 * neither as pending nor in the balance. Null when the customer has no wallet in `currency`.
 * Callers hold the customer's row lock (lockUserForOrder), so no create of this customer can
 * commit between this read and their own insert.
 */
export async function walletAndUsage(
  db: Tx,
  customerId: string,
  currency: string,
): Promise<WalletAndUsage | null> {
  const rows = await db.$queryRaw<
    { id: bigint; balance: bigint; on_hold: bigint; used: bigint; pending_in: bigint }[]
  >`
    SELECT a.id, a.balance, a.on_hold, u.used, u.pending_in
    FROM accounts a CROSS JOIN (
      SELECT
        coalesce(sum(amount) FILTER (WHERE status NOT IN ('CANCELLED', 'EXPIRED', 'DECLINED')), 0)::bigint AS used,
        coalesce(sum(amount - fee) FILTER (WHERE type = 'CASH_IN' AND status IN ('PENDING', 'CLAIMED')), 0)::bigint AS pending_in
      FROM orders
      WHERE customer_id = ${customerId}::uuid AND currency = ${currency}
        AND created_at > now() - interval '24 hours'
    ) u
    WHERE a.user_id = ${customerId}::uuid AND a.kind = 'WALLET' AND a.currency = ${currency}`;
  const row = rows[0];
  if (!row) return null;
  return {
    accountId: row.id,
    balance: row.balance,
    onHold: row.on_hold,
    usedToday: row.used,
    pendingCashIn: row.pending_in,
  };
}

export function agentOfOrder(db: Tx, agentId: string) {
  return db.agent.findUnique({
    where: { id: agentId },
    select: { id: true, shopName: true, userId: true },
  });
}
