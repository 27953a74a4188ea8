import { LIVE_STATUSES, type OrderStatus, UNEXECUTED_STATUSES } from "@/domain/order-state";
import type { Order } from "@/generated/prisma/client";
import type { OrderType } from "@/generated/prisma/enums";
import type { Tx } from "../db/transaction";
import { keysetBefore } from "./keyset";

/**
 * The domain's status lists as SQL for `status IN (...)`, so SQL never keeps its own copy.
 * Literals rather than parameters: the planner matches a partial index only when it can see
 * which statuses a query names. The values are the domain's constants, never input.
 */
export function statusesSql(statuses: readonly OrderStatus[]): string {
  return statuses.map((s) => `'${s}'`).join(", ");
}

/** Orders that can still change hands (LIVE_STATUSES), for SQL. */
export const LIVE_SQL = statusesSql(LIVE_STATUSES);
/** Orders closed without executing (UNEXECUTED_STATUSES), for SQL. */
export const UNEXECUTED_SQL = statusesSql(UNEXECUTED_STATUSES);

/** The columns every list names an order by: which it is, where it stands, its money. */
export const ORDER_HEADLINE = {
  id: true,
  reference: true,
  type: true,
  status: true,
  currency: true,
  amount: true,
  fee: true,
} as const;

export type OrderRow = Order;

const ORDER_CHANNEL = "order_changed";

export { ORDER_CHANNEL };

export function findOrder(db: Tx, id: string): Promise<OrderRow | null> {
  return db.order.findUnique({ where: { id } });
}

/** Typed codes are unique among live orders only; closed orders may share an old code. */
/**
 * Locks an order's row for the rest of the transaction: opening a dispute and reversing the
 * order take turns on it, so a reversal never misses a dispute opened at the same moment.
 */
export async function lockOrderRow(db: Tx, id: string): Promise<void> {
  await db.$queryRaw`SELECT 1 FROM orders WHERE id = ${id}::uuid FOR UPDATE`;
}

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

/**
 * Live orders past their time, oldest first, and how many seconds past it the oldest is
 * (the sweep's lag; 0 when none is due).
 */
export async function dueForExpiry(
  db: Tx,
  limit: number,
): Promise<{ ids: string[]; lagSeconds: number }> {
  const rows = await db.$queryRawUnsafe<{ id: string; late: number }[]>(
    `SELECT id::text, extract(epoch FROM now() - expires_at)::float8 AS late FROM orders
     WHERE status IN (${LIVE_SQL}) AND expires_at <= now()
     ORDER BY expires_at LIMIT $1`,
    limit,
  );
  return { ids: rows.map((r) => r.id), lagSeconds: rows[0]?.late ?? 0 };
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
      ...(page.before
        ? keysetBefore("createdAt", { at: page.before.createdAt, id: page.before.id })
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit,
    include: { agent: { select: { shopName: true } } },
  });
}

export function ordersOfAgent(db: Tx, agentId: string, page: Page) {
  return db.order.findMany({
    where: {
      agentId,
      ...(page.before
        ? keysetBefore("createdAt", { at: page.before.createdAt, id: page.before.id })
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit,
    include: { customer: { select: { phone: true } } },
  });
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
