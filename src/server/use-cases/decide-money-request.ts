import { DomainError } from "@/domain/errors";
import { inTransaction } from "../db/transaction";
import { appendAudit } from "../repositories/audit";
import {
  decideMoneyRequest as decide,
  lockMoneyRequest,
  moneyRequestsPage,
} from "../repositories/money-requests";
import { controlsInForce } from "../repositories/settings";
import type { Actor } from "./actor";
import { idempotent } from "./idempotent";
import { executeAgentMove } from "./move-agent-money";

/**
 * The checker: a different operator approves or rejects a movement that waited for four
 * eyes. Approval posts it through ledger_post in the same transaction as the decision; if
 * the money cannot move (float spent, settlement limit, reference recorded meanwhile) the
 * approval is refused and the request stays open, to be rejected or approved later.
 */
export async function decideMoneyRequest(
  actor: Actor,
  input: { requestId: string; approve: boolean; note?: string | undefined; idempotencyKey: string },
) {
  const { idempotencyKey, ...payload } = input;
  return idempotent(actor, idempotencyKey, "admin.decideMoneyRequest", payload, async (tx) => {
    const request = await lockMoneyRequest(tx, input.requestId);
    if (!request) throw new DomainError("NOT_FOUND", "noSuchMoneyRequest");
    if (request.requestedBy === actor.userId) {
      throw new DomainError("FORBIDDEN", "movementSecondOperator");
    }
    if (request.status !== "REQUESTED") {
      throw new DomainError("CONFLICT", "movementDecided");
    }
    let done: { entryId: bigint; agentBalanceAfter: bigint } | null = null;
    if (input.approve) {
      const controls = await controlsInForce(tx);
      done = await executeAgentMove(tx, {
        move: request.kind,
        agentId: request.agentId,
        amount: request.amount,
        externalRef: request.externalRef,
        currency: request.currency,
        executedBy: actor.userId,
        settlementLimit: controls.settlementLimit,
      });
    }
    if (
      !(await decide(tx, {
        id: request.id,
        approve: input.approve,
        decidedBy: actor.userId,
        note: input.note ?? null,
        entryId: done?.entryId ?? null,
      }))
    ) {
      throw new DomainError("CONFLICT", "movementDecided");
    }
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: `money.${request.kind.toLowerCase()}.${input.approve ? "approve" : "reject"}`,
      entityType: "agent",
      entityId: request.agentId,
      ip: actor.ip,
      before: { requestId: request.id, status: "REQUESTED" },
      after: {
        requestId: request.id,
        status: input.approve ? "APPROVED" : "REJECTED",
        note: input.note ?? null,
        ...(done ? { entryId: done.entryId, agentBalanceAfter: done.agentBalanceAfter } : {}),
      },
    });
    return {
      requestId: request.id,
      status: input.approve ? ("APPROVED" as const) : ("REJECTED" as const),
      kind: request.kind,
      amount: request.amount,
      currency: request.currency,
      agentBalanceAfter: done?.agentBalanceAfter ?? null,
    };
  });
}

/** Movements waiting for (or decided by) a second operator, newest first. */
export async function listMoneyRequests(input: {
  status?: "REQUESTED" | "APPROVED" | "REJECTED" | undefined;
  limit: number;
  before?: { requestedAt: Date; id: string } | undefined;
}) {
  const rows = await inTransaction((tx) =>
    moneyRequestsPage(tx, input.status, input.limit, input.before),
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as "FUND_FLOAT" | "DEFLOAT" | "PAY_COMMISSION",
    agentId: r.agentId,
    shopName: r.agent.shopName,
    amount: r.amount,
    currency: r.currency,
    externalRef: r.externalRef,
    status: r.status,
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt,
    decisionNote: r.decisionNote,
  }));
}
