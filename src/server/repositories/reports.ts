import type { Tx } from "../db/transaction";

/**
 * Orders and volume by type over a window in one currency, with completion rate and
 * scan-to-complete. Amounts of different currencies are never added together.
 */
export function orderWindowStats(db: Tx, since: Date, currency: string) {
  return db.$queryRaw<
    {
      type: string;
      orders: bigint;
      completed: bigint;
      volume: bigint;
      fees: bigint;
      median_seconds: number | null;
    }[]
  >`
    SELECT type::text,
           count(*) AS orders,
           count(*) FILTER (WHERE status IN ('COMPLETED', 'REVERSED')) AS completed,
           coalesce(sum(amount) FILTER (WHERE status IN ('COMPLETED', 'REVERSED')), 0)::bigint AS volume,
           coalesce(sum(fee) FILTER (WHERE status IN ('COMPLETED', 'REVERSED')), 0)::bigint AS fees,
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM completed_at - claimed_at))
              FILTER (WHERE completed_at IS NOT NULL AND claimed_at IS NOT NULL))::float8 AS median_seconds
    FROM orders WHERE created_at >= ${since} AND currency = ${currency}
    GROUP BY type ORDER BY type`;
}

/** Completed volume in one currency per day and type (UTC days), for the volume chart. */
export function dailyVolume(db: Tx, since: Date, currency: string) {
  return db.$queryRaw<{ day: Date; type: string; volume: bigint; orders: bigint }[]>`
    SELECT date_trunc('day', created_at) AS day, type::text,
           coalesce(sum(amount), 0)::bigint AS volume, count(*) AS orders
    FROM orders
    WHERE created_at >= ${since} AND currency = ${currency} AND status IN ('COMPLETED', 'REVERSED')
    GROUP BY 1, 2 ORDER BY 1, 2`;
}

export function ordersByStatus(db: Tx, since: Date) {
  return db.$queryRaw<{ status: string; orders: bigint }[]>`
    SELECT status::text, count(*) AS orders FROM orders WHERE created_at >= ${since}
    GROUP BY status ORDER BY status`;
}

/** E-money outstanding (wallets), float held by agents, and fees earned, per currency. */
export function moneyPositions(db: Tx) {
  return db.$queryRaw<{ currency: string; kind: string; balance: bigint }[]>`
    SELECT currency, kind::text, sum(balance)::bigint AS balance FROM accounts
    WHERE kind IN ('WALLET', 'FLOAT', 'COMMISSION', 'FEE_REVENUE')
    GROUP BY currency, kind ORDER BY currency, kind`;
}

export interface StatementLine {
  id: bigint;
  entry_id: bigint;
  kind: string;
  description: string;
  order_id: string | null;
  /** The order's reference (PP-...), what a customer or agent quotes on the phone. */
  order_reference: string | null;
  external_ref: string | null;
  amount: bigint;
  balance_after: bigint;
  created_at: Date;
}

/**
 * One account's postings with their running balance, keyset by posting id: newest first
 * before an id (screens), or oldest first after an id (exports, read in batches).
 */
export function statementLines(
  db: Tx,
  accountId: bigint,
  page: { limit: number } & ({ beforeId?: bigint | undefined } | { afterId: bigint }),
) {
  const ascending = "afterId" in page;
  const bound = ascending ? page.afterId : (page.beforeId ?? null);
  return db.$queryRaw<StatementLine[]>`
    SELECT p.id, p.entry_id, e.kind, e.description, e.order_id::text, o.reference AS order_reference,
           e.external_ref, p.amount, p.balance_after, e.created_at
    FROM postings p JOIN journal_entries e ON e.id = p.entry_id
    LEFT JOIN orders o ON o.id = e.order_id
    WHERE p.account_id = ${accountId}
      AND (${bound}::bigint IS NULL OR (${ascending} AND p.id > ${bound}::bigint) OR (NOT ${ascending} AND p.id < ${bound}::bigint))
    ORDER BY (CASE WHEN ${ascending} THEN p.id END) ASC, (CASE WHEN NOT ${ascending} THEN p.id END) DESC
    LIMIT ${page.limit}`;
}

export function accountInfo(db: Tx, accountId: bigint) {
  return db.account.findUnique({
    where: { id: accountId },
    select: {
      id: true,
      kind: true,
      currency: true,
      balance: true,
      onHold: true,
      user: { select: { name: true, phone: true, agent: { select: { shopName: true } } } },
    },
  });
}

/** Journal entries, newest first, keyset by id, each with its postings. */
export function journalPage(db: Tx, limit: number, beforeId?: bigint) {
  return db.journalEntry.findMany({
    where: beforeId ? { id: { lt: beforeId } } : {},
    orderBy: { id: "desc" },
    take: limit,
    include: {
      order: { select: { reference: true } },
      postings: {
        orderBy: { id: "asc" },
        include: { account: { select: { kind: true, currency: true } } },
      },
    },
  });
}

export interface CyclingPairRow {
  customer_id: string;
  customer_name: string;
  customer_phone: string;
  agent_id: string;
  shop_name: string;
  currency: string;
  cash_ins: bigint;
  cash_outs: bigint;
  cash_in_volume: bigint;
  cash_out_volume: bigint;
  commission: bigint;
  last_seen: Date;
}

/**
 * Customer–agent pairs with at least `minCashIns` completed cash-ins and `minCashOuts` completed
 * cash-outs between them since `since`, per currency, with the commission the agent earned on
 * them; the best-paid first. Completed orders were created at most a TTL before completion,
 * so the window is on created_at, which the (created_at, id) index serves.
 */
export function cyclingPairs(
  db: Tx,
  q: { since: Date; minCashIns: number; minCashOuts: number; limit: number },
) {
  return db.$queryRaw<CyclingPairRow[]>`
    WITH pairs AS (
      SELECT customer_id, agent_id, currency,
             count(*) FILTER (WHERE type = 'CASH_IN') AS cash_ins,
             count(*) FILTER (WHERE type = 'CASH_OUT') AS cash_outs,
             coalesce(sum(amount) FILTER (WHERE type = 'CASH_IN'), 0)::bigint AS cash_in_volume,
             coalesce(sum(amount) FILTER (WHERE type = 'CASH_OUT'), 0)::bigint AS cash_out_volume,
             coalesce(sum(commission), 0)::bigint AS commission,
             max(completed_at) AS last_seen
      FROM orders
      WHERE created_at >= ${q.since} AND status = 'COMPLETED' AND agent_id IS NOT NULL
      GROUP BY customer_id, agent_id, currency
      HAVING count(*) FILTER (WHERE type = 'CASH_IN') >= ${q.minCashIns}
         AND count(*) FILTER (WHERE type = 'CASH_OUT') >= ${q.minCashOuts}
    )
    SELECT p.customer_id::text, u.name AS customer_name, u.phone AS customer_phone,
           p.agent_id::text, a.shop_name, p.currency, p.cash_ins, p.cash_outs,
           p.cash_in_volume, p.cash_out_volume, p.commission, p.last_seen
    FROM pairs p
    JOIN users u ON u.id = p.customer_id
    JOIN agents a ON a.id = p.agent_id
    ORDER BY p.commission DESC, p.last_seen DESC, p.customer_id, p.agent_id
    LIMIT ${q.limit}`;
}
