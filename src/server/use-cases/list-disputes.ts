import { DomainError } from "@/domain/errors";
import { inTransaction } from "../db/transaction";
import { disputeEvidenceOf, disputesPage } from "../repositories/disputes";

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
    party: d.party,
    status: d.status,
    note: d.note,
    disputed: d.disputed,
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

/**
 * A dispute's evidence for the operator deciding it: the order's timeline (each step, who
 * took it, why), who served it, and the holds on its value (where, how much, still active).
 */
export async function disputeEvidence(disputeId: string) {
  const d = await inTransaction((tx) => disputeEvidenceOf(tx, disputeId));
  if (!d) throw new DomainError("NOT_FOUND", "noSuchDispute");
  const hold = (h: NonNullable<typeof d.hold>, owner: "ORDER" | "DISPUTE") => ({
    owner,
    accountKind: h.account.kind,
    amount: h.amount,
    status: h.status,
    createdAt: h.createdAt,
    resolvedAt: h.resolvedAt,
  });
  return {
    id: d.id,
    party: d.party,
    kind: d.kind,
    disputed: d.disputed,
    held: d.held,
    openedBy: d.openedBy,
    openedAt: d.openedAt,
    order: {
      id: d.order.id,
      reference: d.order.reference,
      type: d.order.type,
      status: d.order.status,
      currency: d.order.currency,
      amount: d.order.amount,
      fee: d.order.fee,
      shopName: d.order.agent?.shopName ?? null,
      shopOwnerId: d.order.agent?.userId ?? null,
    },
    timeline: d.order.events.map((e) => ({
      id: e.id,
      from: e.fromStatus,
      to: e.toStatus,
      actorRole: e.actorRole,
      actorId: e.actorId,
      detail: e.detail,
      at: e.createdAt,
    })),
    holds: [
      ...(d.order.hold ? [hold(d.order.hold, "ORDER")] : []),
      ...(d.hold ? [hold(d.hold, "DISPUTE")] : []),
    ],
  };
}
