import { ruleOf } from "@/domain/disputes";
import { DomainError } from "@/domain/errors";
import { appendAudit } from "../repositories/audit";
import {
  closeDispute,
  findDispute,
  notifyOrderChanged,
  requestUphold,
} from "../repositories/disputes";
import { releaseDisputeHold } from "../repositories/ledger";
import { findOrder } from "../repositories/orders";
import type { Actor } from "./actor";
import { executionEntryIn, operatorMove, undoEntryIn } from "./execute-order";
import { idempotent } from "./idempotent";

export type DisputeDecision = "UPHOLD" | "REJECT";

/**
 * An operator's decision on a dispute. Rejecting releases the hold. Upholding moves money,
 * so it takes two operators, as a reversal does: the first asks, a different one confirms.
 * Confirming releases the hold and executes the remedy in the same transaction (the rule's,
 * src/domain/disputes.ts): a cash-in the shop kept the cash of is credited from its float
 * after all (without commission); a completed order is reversed as reverse-order.ts does
 * (the execution entry mirrored). ledger_post refuses if the money is no longer there, and
 * then nothing changes. Concurrent decisions: the guarded updates let exactly one through.
 */
export function decideDispute(
  actor: Actor,
  input: { disputeId: string; decision: DisputeDecision; note: string; idempotencyKey: string },
) {
  const { idempotencyKey, ...payload } = input;
  return idempotent(actor, idempotencyKey, "admin.decideDispute", payload, async (tx) => {
    const dispute = await findDispute(tx, input.disputeId);
    if (!dispute) throw new DomainError("NOT_FOUND", "noSuchDispute");
    const stale = () => new DomainError("CONFLICT", "disputeStale");

    if (input.decision === "UPHOLD" && dispute.status === "OPEN") {
      if (!(await requestUphold(tx, dispute.id, actor.userId))) throw stale();
      await audit(actor, tx, dispute.orderId, "dispute.requestUphold", dispute.id, input.note);
      await notifyOrderChanged(tx, dispute.orderId);
      return { disputeId: dispute.id, status: "UPHOLD_REQUESTED" as const };
    }
    if (dispute.status === "UPHOLD_REQUESTED" && dispute.upholdRequestedBy === actor.userId) {
      throw new DomainError("FORBIDDEN", "disputeSecondOperator");
    }
    const to = input.decision === "UPHOLD" ? "UPHELD" : "REJECTED";
    if (!(await closeDispute(tx, { id: dispute.id, to, by: actor.userId, note: input.note }))) {
      throw stale();
    }
    await releaseDisputeHold(tx, dispute.id);
    if (to === "UPHELD") {
      const order = (await findOrder(tx, dispute.orderId))!;
      const action =
        ruleOf(dispute.party, dispute.kind, order.type).remedy === "credit"
          ? "creditDisputed"
          : "reverseDisputed";
      const reason = `Dispute upheld: ${input.note}`;
      // A shop that kept a customer's cash earns nothing on the order it is made to credit.
      await operatorMove(
        tx,
        actor,
        order,
        action,
        action === "creditDisputed"
          ? await executionEntryIn(tx, order, 0n)
          : await undoEntryIn(tx, order, `dispute upheld: ${input.note}`, actor.userId),
        {
          ...(action === "creditDisputed" ? { commission: 0n } : {}),
          closeReason: reason,
          detail: reason,
        },
        "orderChangedSinceDispute",
      );
    } else {
      await notifyOrderChanged(tx, dispute.orderId);
    }
    await audit(actor, tx, dispute.orderId, `dispute.${to.toLowerCase()}`, dispute.id, input.note);
    return { disputeId: dispute.id, status: to };
  });
}

function audit(
  actor: Actor,
  tx: Parameters<typeof appendAudit>[0],
  orderId: string,
  action: string,
  disputeId: string,
  note: string,
) {
  return appendAudit(tx, {
    actorId: actor.userId,
    actorRole: actor.role,
    action,
    entityType: "order",
    entityId: orderId,
    ip: actor.ip,
    after: { disputeId, note },
  });
}
