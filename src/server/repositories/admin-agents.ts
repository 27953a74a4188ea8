import type { Tx } from "../db/transaction";
import { keysetBefore } from "./keyset";

/** Agents with their float and commission, newest first, keyset-paginated. */
export function agentsPage(db: Tx, limit: number, before?: { createdAt: Date; id: string }) {
  return db.agent.findMany({
    where: before ? keysetBefore("createdAt", { at: before.createdAt, id: before.id }) : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    include: {
      user: {
        select: {
          phone: true,
          name: true,
          accounts: {
            select: { id: true, kind: true, currency: true, balance: true, onHold: true },
          },
        },
      },
    },
  });
}

/** Completed orders and volume in one currency per agent over a window, for one page. */
export function agentVolumes(db: Tx, agentIds: string[], since: Date, currency: string) {
  return db.$queryRaw<{ agent_id: string; orders: bigint; volume: bigint }[]>`
    SELECT agent_id::text, count(*) AS orders, coalesce(sum(amount), 0)::bigint AS volume
    FROM orders
    WHERE agent_id = ANY(${agentIds}::uuid[]) AND status IN ('COMPLETED', 'REVERSED')
      AND created_at >= ${since} AND currency = ${currency}
    GROUP BY agent_id`;
}
