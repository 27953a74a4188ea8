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
