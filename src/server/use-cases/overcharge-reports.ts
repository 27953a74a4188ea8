import { inReadTransaction } from "../db/transaction";
import { overchargeReportsPage } from "../repositories/overcharge";

/** The operators' list of overcharge reports, newest first. */
export async function listOverchargeReports(page: {
  limit: number;
  before?: { reportedAt: Date; id: string } | undefined;
}) {
  const rows = await inReadTransaction((tx) => overchargeReportsPage(tx, page.limit, page.before));
  return rows.map((r) => ({
    id: r.id,
    orderId: r.order_id,
    reference: r.reference,
    agentId: r.agent_id,
    shopName: r.shop_name,
    currency: r.currency,
    amountAsked: r.amount_asked,
    fee: r.fee,
    note: r.note,
    reportedAt: r.created_at,
    monthReports: r.month_reports,
    flagged: r.flagged,
  }));
}
