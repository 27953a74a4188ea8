import { maskPhone } from "@/domain/codes";
import { DomainError } from "@/domain/errors";
import { inTransaction } from "../db/transaction";
import { type OrderFilter, orderDossier, searchOrders } from "../repositories/admin-orders";
import { disputeOfOrder } from "../repositories/disputes";
import { orderHeadline } from "./order-views";
import { reversalView } from "./reverse-order";

export async function findOrders(
  filter: OrderFilter,
  page: { limit: number; before?: { createdAt: Date; id: string } | undefined },
) {
  const rows = await inTransaction((tx) => searchOrders(tx, filter, page));
  return rows.map((o) => ({
    ...orderHeadline(o),
    // Tells a customer's Reject from an agent's Decline (both end DECLINED).
    closeReason: o.closeReason,
    commission: o.commission,
    customerPhone: o.customer.phone,
    customerName: o.customer.name,
    agentShopName: o.agent?.shopName ?? null,
    createdAt: o.createdAt,
    completedAt: o.completedAt,
  }));
}

/**
 * Order detail: state timeline, journal entries with postings, reversals, the dispute (if
 * any, the customer's or the shop's) and audit events.
 */
export async function orderDetail(orderId: string) {
  const found = await inTransaction(async (tx) => {
    const dossier = await orderDossier(tx, orderId);
    return dossier && { ...dossier, dispute: await disputeOfOrder(tx, orderId) };
  });
  if (!found) throw new DomainError("NOT_FOUND", "noSuchOrder");
  const { order, audit, dispute } = found;
  return {
    id: order.id,
    reference: order.reference,
    type: order.type,
    status: order.status,
    currency: order.currency,
    amount: order.amount,
    fee: order.fee,
    commission: order.commission,
    customer: {
      name: order.customer.name,
      phone: order.customer.phone,
      masked: maskPhone(order.customer.phone),
    },
    agentShopName: order.agent?.shopName ?? null,
    createdAt: order.createdAt,
    expiresAt: order.expiresAt,
    closeReason: order.closeReason,
    configVersion: order.configVersion,
    hold: order.hold ? { amount: order.hold.amount, status: order.hold.status } : null,
    timeline: order.events.map((e) => ({
      from: e.fromStatus,
      to: e.toStatus,
      actorRole: e.actorRole,
      actorId: e.actorId,
      detail: e.detail,
      at: e.createdAt,
    })),
    journal: order.journalEntries.map((e) => ({
      id: e.id,
      kind: e.kind,
      description: e.description,
      at: e.createdAt,
      postings: e.postings.map((p) => ({
        accountId: p.accountId,
        accountKind: p.account.kind,
        amount: p.amount,
        balanceAfter: p.balanceAfter,
      })),
    })),
    reversals: order.reversals.map(reversalView),
    dispute: dispute
      ? {
          id: dispute.id,
          kind: dispute.kind,
          party: dispute.party,
          status: dispute.status,
          note: dispute.note,
          disputed: dispute.disputed,
          held: dispute.held,
          openedBy: dispute.openedBy,
          openedAt: dispute.openedAt,
          upholdRequestedBy: dispute.upholdRequestedBy,
          upholdRequestedAt: dispute.upholdRequestedAt,
          decidedBy: dispute.decidedBy,
          decidedAt: dispute.decidedAt,
          decisionNote: dispute.decisionNote,
        }
      : null,
    audit: audit.map((a) => ({
      id: a.id,
      action: a.action,
      actorId: a.actorId,
      actorRole: a.actorRole,
      ip: a.ip,
      at: a.createdAt,
      before: a.before,
      after: a.after,
    })),
  };
}
