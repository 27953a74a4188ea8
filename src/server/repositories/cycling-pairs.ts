import type { Tx } from "../db/transaction";

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
