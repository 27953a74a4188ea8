import { OVERCHARGE_FLAG_THRESHOLD } from "@/domain/overcharge";
import type { Tx } from "../db/transaction";

export interface OverchargeReportRow {
  id: string;
  orderId: string;
  agentId: string;
  currency: string;
  amountAsked: bigint;
  note: string | null;
  createdAt: Date;
}

export function overchargeReportOf(db: Tx, orderId: string): Promise<OverchargeReportRow | null> {
  return db.overchargeReport.findUnique({
    where: { orderId },
    select: {
      id: true,
      orderId: true,
      agentId: true,
      currency: true,
      amountAsked: true,
      note: true,
      createdAt: true,
    },
  });
}

/**
 * Records a report and, when it is the agent's third (or later) this calendar month
 * (Africa/Nairobi), the month's flag. The per-agent advisory lock, taken first, makes the
 * agent's reports count one after another: each counts every report committed before it, so
 * a burst of reports on different orders raises exactly one flag (the flag's key would refuse
 * a second anyway). Returns null when the order already has a report.
 */
export async function insertOverchargeReport(
  db: Tx,
  r: {
    id: string;
    orderId: string;
    customerId: string;
    agentId: string;
    currency: string;
    amountAsked: bigint;
    note: string | null;
  },
): Promise<{ monthReports: number; flagged: boolean } | null> {
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('overcharge:' || ${r.agentId}, 0))`;
  const inserted = await db.$queryRaw<{ month: Date }[]>`
    INSERT INTO overcharge_reports
      (id, order_id, customer_id, agent_id, currency, amount_asked, note, month)
    VALUES (${r.id}::uuid, ${r.orderId}::uuid, ${r.customerId}::uuid, ${r.agentId}::uuid,
            ${r.currency}, ${r.amountAsked}, ${r.note},
            date_trunc('month', now() AT TIME ZONE 'Africa/Nairobi')::date)
    ON CONFLICT (order_id) DO NOTHING
    RETURNING month`;
  const month = inserted[0]?.month;
  if (!month) return null;
  const [counted] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM overcharge_reports
    WHERE agent_id = ${r.agentId}::uuid AND month = ${month}::date`;
  const monthReports = counted?.n ?? 0;
  if (monthReports < OVERCHARGE_FLAG_THRESHOLD) return { monthReports, flagged: false };
  const flagged = await db.$executeRaw`
    INSERT INTO overcharge_flags (agent_id, month, reports)
    VALUES (${r.agentId}::uuid, ${month}::date, ${monthReports})
    ON CONFLICT (agent_id, month) DO NOTHING`;
  return { monthReports, flagged: flagged === 1 };
}

/** This calendar month's (Africa/Nairobi) report count and flag of each agent given. */
export function overchargeMonthOf(db: Tx, agentIds: string[]) {
  return db.$queryRaw<{ agent_id: string; reports: number; flagged: boolean }[]>`
    WITH m AS (SELECT date_trunc('month', now() AT TIME ZONE 'Africa/Nairobi')::date AS month)
    SELECT a.id::text AS agent_id,
           (SELECT count(*)::int FROM overcharge_reports r, m
            WHERE r.agent_id = a.id AND r.month = m.month) AS reports,
           EXISTS (SELECT 1 FROM overcharge_flags f, m
                   WHERE f.agent_id = a.id AND f.month = m.month) AS flagged
    FROM agents a WHERE a.id = ANY(${agentIds}::uuid[])`;
}

/** Reports, newest first, keyset-paginated, with what an operator needs to act on one. */
export function overchargeReportsPage(
  db: Tx,
  limit: number,
  before?: { reportedAt: Date; id: string },
) {
  return db.$queryRaw<
    {
      id: string;
      order_id: string;
      reference: string;
      agent_id: string;
      shop_name: string;
      currency: string;
      amount_asked: bigint;
      fee: bigint;
      note: string | null;
      created_at: Date;
      month_reports: number;
      flagged: boolean;
    }[]
  >`
    SELECT r.id::text, r.order_id::text, o.reference, r.agent_id::text, a.shop_name, r.currency,
           r.amount_asked, o.fee, r.note, r.created_at,
           (SELECT count(*)::int FROM overcharge_reports x
            WHERE x.agent_id = r.agent_id AND x.month = r.month) AS month_reports,
           EXISTS (SELECT 1 FROM overcharge_flags f
                   WHERE f.agent_id = r.agent_id AND f.month = r.month) AS flagged
    FROM overcharge_reports r
    JOIN orders o ON o.id = r.order_id
    JOIN agents a ON a.id = r.agent_id
    WHERE ${before === undefined}
       OR (r.created_at, r.id) < (${before?.reportedAt ?? null}::timestamptz, ${before?.id ?? null}::uuid)
    ORDER BY r.created_at DESC, r.id DESC
    LIMIT ${limit}`;
}
