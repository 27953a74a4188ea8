import { randomUUID } from "node:crypto";
import { DomainError } from "@/domain/errors";
import type { Tx } from "../db/transaction";
import { inTransaction } from "../db/transaction";
import { appendAudit } from "../repositories/audit";
import { openDisputeOfOrder } from "../repositories/disputes";
import { findOrder, lockOrderRow } from "../repositories/orders";
import {
  decideReversal as decide,
  findReversal,
  insertReversal,
  linkReversalEntry,
  reversalsPage,
} from "../repositories/reversals";
import type { Actor } from "./actor";
import { operatorMove, undoEntryIn } from "./execute-order";
import { idempotent } from "./idempotent";

/** The maker: asks for a completed order to be undone, with a reason. Moves no money. */
export async function requestReversal(
  actor: Actor,
  input: { orderId: string; reason: string; idempotencyKey: string },
) {
  const { idempotencyKey, ...payload } = input;
  return idempotent(actor, idempotencyKey, "admin.requestReversal", payload, async (tx) => {
    const order = await findOrder(tx, input.orderId);
    if (!order) throw new DomainError("NOT_FOUND", "noSuchOrder");
    await refuseWhileDisputed(tx, order.id);
    if (order.status !== "COMPLETED") {
      throw new DomainError("CONFLICT", "onlyCompletedReversed", {
        status: order.status.toLowerCase(),
      });
    }
    const id = randomUUID();
    if (
      !(await insertReversal(tx, {
        id,
        orderId: order.id,
        reason: input.reason,
        requestedBy: actor.userId,
      }))
    ) {
      throw new DomainError("CONFLICT", "reversalWaiting");
    }
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "reversal.request",
      entityType: "order",
      entityId: order.id,
      ip: actor.ip,
      after: { reversalId: id, reason: input.reason },
    });
    return { reversalId: id, orderId: order.id, status: "REQUESTED" as const };
  });
}

/**
 * The checker: a different operator approves or rejects. Approval posts the execution
 * entry again with opposite signs and marks the order REVERSED, in one transaction.
 */
export async function decideReversal(
  actor: Actor,
  input: {
    reversalId: string;
    approve: boolean;
    note?: string | undefined;
    idempotencyKey: string;
  },
) {
  const { idempotencyKey, ...payload } = input;
  return idempotent(actor, idempotencyKey, "admin.decideReversal", payload, async (tx) => {
    const reversal = await findReversal(tx, input.reversalId);
    if (!reversal) throw new DomainError("NOT_FOUND", "noSuchReversal");
    if (reversal.requestedBy === actor.userId) {
      throw new DomainError("FORBIDDEN", "reversalSecondOperator");
    }
    const decided = await decide(tx, {
      id: reversal.id,
      approve: input.approve,
      decidedBy: actor.userId,
      note: input.note ?? null,
    });
    if (!decided) throw new DomainError("CONFLICT", "reversalDecided");
    if (input.approve) {
      await refuseWhileDisputed(tx, reversal.orderId);
      const order = (await findOrder(tx, reversal.orderId))!;
      const r = await operatorMove(
        tx,
        actor,
        order,
        "reverse",
        await undoEntryIn(tx, order, reversal.reason, actor.userId),
        { closeReason: `Reversed: ${reversal.reason}`, detail: reversal.reason },
        "orderNoLongerCompleted",
      );
      await linkReversalEntry(tx, reversal.id, r.entryId!);
    }
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: input.approve ? "reversal.approve" : "reversal.reject",
      entityType: "order",
      entityId: reversal.orderId,
      ip: actor.ip,
      before: { reversalId: reversal.id, status: "REQUESTED" },
      after: {
        reversalId: reversal.id,
        status: input.approve ? "APPROVED" : "REJECTED",
        note: input.note ?? null,
      },
    });
    return {
      reversalId: reversal.id,
      orderId: reversal.orderId,
      status: input.approve ? ("APPROVED" as const) : ("REJECTED" as const),
    };
  });
}

/**
 * An order with an open dispute is put right by deciding the dispute (which releases its
 * hold in the same transaction), never by a reversal beside it. Under the order's row lock,
 * which opening a dispute takes too: whichever comes second sees the first.
 */
async function refuseWhileDisputed(tx: Tx, orderId: string): Promise<void> {
  await lockOrderRow(tx, orderId);
  if (await openDisputeOfOrder(tx, orderId)) {
    throw new DomainError("CONFLICT", "reversalDisputed");
  }
}

export async function listReversals(input: {
  status?: "REQUESTED" | "APPROVED" | "REJECTED" | undefined;
  limit: number;
  before?: { requestedAt: Date; id: string } | undefined;
}) {
  const rows = await inTransaction((tx) =>
    reversalsPage(tx, input.status, input.limit, input.before),
  );
  return rows.map((r) => ({ ...reversalView(r), orderId: r.orderId, order: r.order }));
}

type ReversalRow = Awaited<ReturnType<typeof reversalsPage>>[number];

/** A reversal request as operators see it: who asked, why, who decided and what. */
export function reversalView(r: Omit<ReversalRow, "order">) {
  const { id, status, reason, requestedBy, requestedAt, decidedBy, decidedAt, decisionNote } = r;
  return { id, status, reason, requestedBy, requestedAt, decidedBy, decidedAt, decisionNote };
}
