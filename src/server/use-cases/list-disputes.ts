import { inTransaction } from "../db/transaction";
import { disputesPage } from "../repositories/disputes";

/** The operators' queue: open disputes (or decided ones), newest first. */
export async function listDisputes(input: {
  open: boolean;
  limit: number;
  before?: { openedAt: Date; id: string } | undefined;
}) {
  const rows = await inTransaction((tx) => disputesPage(tx, input));
  return rows.map((d) => ({
    id: d.id,
    kind: d.kind,
    status: d.status,
    note: d.note,
    held: d.held,
    openedAt: d.openedAt,
    upholdRequestedBy: d.upholdRequestedBy,
    upholdRequestedAt: d.upholdRequestedAt,
    decidedBy: d.decidedBy,
    decidedAt: d.decidedAt,
    decisionNote: d.decisionNote,
    order: {
      id: d.order.id,
      reference: d.order.reference,
      type: d.order.type,
      status: d.order.status,
      currency: d.order.currency,
      amount: d.order.amount,
      fee: d.order.fee,
      customerName: d.order.customer.name,
      customerPhone: d.order.customer.phone,
      shopName: d.order.agent?.shopName ?? null,
      agentId: d.order.agent?.id ?? null,
    },
  }));
}
