import { randomUUID } from "node:crypto";
import { DomainError, money } from "@/domain/errors";
import {
  approvalStep,
  DECIDED_STATUSES,
  isWaiting,
  moveOf,
  type RebalanceKind,
  sellReference,
  WAITING_STATUSES,
} from "@/domain/rebalance";
import { inTransaction } from "../db/transaction";
import { balancesOfUser, ensureUserAccount } from "../repositories/accounts";
import { appendAudit } from "../repositories/audit";
import { movedAloneLastDay } from "../repositories/money-requests";
import {
  agentFlows,
  closeRebalance,
  endRebalanceHold,
  holdForRebalance,
  insertRebalance,
  lockRebalance,
  markAwaitingSecond,
  rebalanceQueue,
  rebalancesOfAgent,
  recentRebalances,
} from "../repositories/rebalances";
import { controlsInForce, currentSettings } from "../repositories/settings";
import { agentShop, lockUserRow, shopOfUser } from "../repositories/users";
import type { Actor } from "./actor";
import { idempotent } from "./idempotent";
import { executeAgentMove } from "./move-agent-money";

/** How far back the operator's view of a shop's flows reaches. */
export const FLOW_DAYS = 7;

/**
 * The shop's owner asks for a rebalance. A purchase states the deposit made at the operator's
 * bank; a sale holds its amount on the shop's float at once (the owner's float account, which
 * assistants serve on), so the counter cannot spend what the operator is about to pay out.
 */
export function requestRebalance(
  actor: Actor,
  input: {
    kind: RebalanceKind;
    amount: bigint;
    bankReference?: string | undefined;
    idempotencyKey: string;
  },
) {
  const { idempotencyKey, ...payload } = input;
  return idempotent(actor, idempotencyKey, "agent.requestRebalance", payload, async (tx) => {
    const shop = await shopOfUser(tx, actor.userId);
    if (!shop) throw new DomainError("FORBIDDEN", "notAnAgent");
    if (shop.status === "SUSPENDED") {
      throw new DomainError(
        "AGENT_SUSPENDED",
        shop.suspendedReason ? "shopSuspendedBecause" : "shopSuspended",
        { reason: shop.suspendedReason ?? "" },
      );
    }
    const bankReference = input.kind === "BUY_FLOAT" ? (input.bankReference ?? null) : null;
    if (input.kind === "BUY_FLOAT" && !bankReference) {
      throw new DomainError("INVALID_INPUT", "rebalanceNeedsReference");
    }
    const { settings } = await currentSettings(tx);
    const id = randomUUID();
    const inserted = await insertRebalance(tx, {
      id,
      agentId: shop.id,
      kind: input.kind,
      amount: input.amount,
      currency: settings.currency,
      bankReference,
      requestedBy: actor.userId,
      idempotencyKey,
    });
    if (!inserted) {
      throw new DomainError("CONFLICT", "rebalanceReferenceUsed", {
        reference: bankReference ?? "",
      });
    }
    if (input.kind === "SELL_FLOAT") {
      const float = await ensureUserAccount(tx, shop.userId, "FLOAT", settings.currency);
      if (
        !(await holdForRebalance(tx, { accountId: float, rebalanceId: id, amount: input.amount }))
      ) {
        // Thrown after the insert: the transaction rolls back, no request and no hold remain.
        const account = (await balancesOfUser(tx, shop.userId)).find((b) => b.accountId === float);
        throw new DomainError("INSUFFICIENT_FLOAT", "rebalanceFloatShort", {
          amount: money(input.amount, settings.currency),
          available: money((account?.balance ?? 0n) - (account?.onHold ?? 0n), settings.currency),
        });
      }
    }
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: `rebalance.${input.kind.toLowerCase()}.request`,
      entityType: "agent",
      entityId: shop.id,
      ip: actor.ip,
      after: { rebalanceId: id, ...payload },
    });
    return { rebalanceId: id, status: "REQUESTED" as const };
  });
}

/** The owner withdraws a request still waiting for operators; a sale's hold is released. */
export function cancelRebalance(
  actor: Actor,
  input: { rebalanceId: string; idempotencyKey: string },
) {
  const { idempotencyKey, ...payload } = input;
  return idempotent(actor, idempotencyKey, "agent.cancelRebalance", payload, async (tx) => {
    const shop = await shopOfUser(tx, actor.userId);
    if (!shop) throw new DomainError("FORBIDDEN", "notAnAgent");
    const request = await lockRebalance(tx, input.rebalanceId);
    // Another shop's request is not found: its existence is not this shop's business.
    if (!request || request.agentId !== shop.id) {
      throw new DomainError("NOT_FOUND", "noSuchRebalance");
    }
    if (
      !isWaiting(request.status) ||
      !(await closeRebalance(tx, {
        id: request.id,
        to: "CANCELLED",
        by: actor.userId,
        reason: null,
        entryId: null,
      }))
    ) {
      throw new DomainError("CONFLICT", "rebalanceDecided");
    }
    if (request.kind === "SELL_FLOAT") await endRebalanceHold(tx, request.id, "RELEASED");
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "rebalance.cancel",
      entityType: "agent",
      entityId: shop.id,
      ip: actor.ip,
      before: { rebalanceId: request.id, status: request.status },
      after: { rebalanceId: request.id, status: "CANCELLED" },
    });
    return { rebalanceId: request.id, status: "CANCELLED" as const };
  });
}

/** The shop's recent requests with their state, newest first. */
export function myRebalances(actor: Actor) {
  return inTransaction(async (tx) => {
    const shop = await shopOfUser(tx, actor.userId);
    if (!shop) throw new DomainError("FORBIDDEN", "notAnAgent");
    const rows = await rebalancesOfAgent(tx, shop.id, 30);
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      amount: r.amount,
      currency: r.currency,
      bankReference: r.bankReference,
      status: r.status,
      requestedAt: r.requestedAt,
      decidedAt: r.decidedAt,
      // The operator's reason is the agent's business (why a sale was refused); who decided is not.
      decisionReason: r.status === "CANCELLED" ? null : r.decisionReason,
    }));
  });
}

/**
 * An operator approves or rejects. Approval within what the operator may still move alone
 * executes at once; beyond it (operatorFourEyesAbove, counted as for the operators' own
 * movements) it waits for a second, different operator, whose approval executes it.
 * Executing posts FUND_FLOAT with the deposit's reference (once per reference, ever) or
 * captures the sale's hold and posts DEFLOAT; if the money cannot move (settlement limit,
 * reference already recorded) nothing changes and the request still waits.
 */
export function decideRebalance(
  actor: Actor,
  input: { rebalanceId: string; approve: boolean; reason: string; idempotencyKey: string },
) {
  const { idempotencyKey, ...payload } = input;
  return idempotent(actor, idempotencyKey, "admin.decideRebalance", payload, async (tx) => {
    const request = await lockRebalance(tx, input.rebalanceId);
    if (!request) throw new DomainError("NOT_FOUND", "noSuchRebalance");
    if (!isWaiting(request.status)) {
      throw new DomainError("CONFLICT", "rebalanceDecided");
    }
    if (request.status === "AWAITING_SECOND" && request.firstApprovedBy === actor.userId) {
      throw new DomainError("FORBIDDEN", "rebalanceSecondOperator");
    }
    const audit = (status: string, extra: Record<string, unknown> = {}) =>
      appendAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: `rebalance.${status.toLowerCase()}`,
        entityType: "agent",
        entityId: request.agentId,
        ip: actor.ip,
        before: { rebalanceId: request.id, status: request.status },
        after: { rebalanceId: request.id, status, reason: input.reason, ...extra },
      });

    if (!input.approve) {
      if (!(await close(tx, request.id, "REJECTED", null))) {
        throw new DomainError("CONFLICT", "rebalanceDecided");
      }
      if (request.kind === "SELL_FLOAT") await endRebalanceHold(tx, request.id, "RELEASED");
      await audit("REJECTED");
      return { rebalanceId: request.id, status: "REJECTED" as const };
    }

    const controls = await controlsInForce(tx);
    // One operator's approvals take turns here, so a burst is judged as if one by one.
    await lockUserRow(tx, actor.userId);
    const step = approvalStep({
      status: request.status,
      amount: request.amount,
      movedAloneLastDay: await movedAloneLastDay(tx, actor.userId),
      fourEyesAbove: controls.operatorFourEyesAbove,
    });
    if (step === "AWAIT_SECOND") {
      if (!(await markAwaitingSecond(tx, request.id, actor.userId))) {
        throw new DomainError("CONFLICT", "rebalanceDecided");
      }
      await audit("AWAITING_SECOND");
      return { rebalanceId: request.id, status: "AWAITING_SECOND" as const };
    }
    if (request.kind === "SELL_FLOAT" && !(await endRebalanceHold(tx, request.id, "CAPTURED"))) {
      throw new Error(`rebalance ${request.id}: a waiting sale without its active hold`);
    }
    const done = await executeAgentMove(tx, {
      move: moveOf(request.kind),
      agentId: request.agentId,
      amount: request.amount,
      externalRef: request.bankReference ?? sellReference(request.id),
      currency: request.currency,
      executedBy: actor.userId,
      settlementLimit: controls.settlementLimit,
    });
    if (!(await close(tx, request.id, "APPROVED", done.entryId))) {
      throw new DomainError("CONFLICT", "rebalanceDecided");
    }
    await audit("APPROVED", { entryId: done.entryId, agentBalanceAfter: done.agentBalanceAfter });
    return {
      rebalanceId: request.id,
      status: "APPROVED" as const,
      agentBalanceAfter: done.agentBalanceAfter,
    };

    function close(t: typeof tx, id: string, to: "APPROVED" | "REJECTED", entryId: bigint | null) {
      return closeRebalance(t, { id, to, by: actor.userId, reason: input.reason, entryId });
    }
  });
}

/** The operators' queue, newest first by keyset: the waiting requests, or the decided ones. */
export function listRebalances(input: {
  waiting: boolean;
  limit: number;
  before?: { requestedAt: Date; id: string } | undefined;
}) {
  return inTransaction(async (tx) => {
    const rows = await rebalanceQueue(tx, {
      statuses: [...(input.waiting ? WAITING_STATUSES : DECIDED_STATUSES)],
      limit: input.limit,
      before: input.before,
    });
    return rows.map(({ agent, ...r }) => ({ ...r, shopName: agent.shopName }));
  });
}

/** A shop's last seven days, beside a request in the queue: what it served and was moved. */
export function rebalanceFlows(agentId: string) {
  return inTransaction(async (tx) => {
    const shop = await agentShop(tx, agentId);
    if (!shop) throw new DomainError("NOT_FOUND", "noSuchAgent");
    const flows = await agentFlows(tx, agentId, FLOW_DAYS);
    const previous = await recentRebalances(tx, agentId, FLOW_DAYS);
    const { settings } = await currentSettings(tx);
    return {
      agentId,
      shopName: shop.shopName,
      days: FLOW_DAYS,
      currency: settings.currency,
      ...flows,
      rebalances: previous.map((r) => ({
        id: r.id,
        kind: r.kind,
        amount: r.amount,
        currency: r.currency,
        status: r.status,
        requestedAt: r.requestedAt,
      })),
    };
  });
}
