import { randomUUID } from "node:crypto";
import { DomainError, money } from "@/domain/errors";
import { isUniqueViolation, type Tx } from "../db/transaction";
import { balancesOf, ensurePlatformAccount, ensureUserAccount } from "../repositories/accounts";
import { appendAudit } from "../repositories/audit";
import { postEntry } from "../repositories/ledger";
import {
  insertMoneyRequest,
  movedAloneLastDay,
  openRequestFor,
} from "../repositories/money-requests";
import { controlsInForce, currentSettings } from "../repositories/settings";
import { agentShop, lockUserRow } from "../repositories/users";
import type { Actor } from "./actor";
import { idempotent } from "./idempotent";

/**
 * The operator's three movements between the platform's bank money (SETTLEMENT) and an
 * agent: the agent deposited cash at the bank (fund), took float back out as cash
 * (defloat), or is paid its earned commission (payout).
 */
export type AgentMoneyMove = "FUND_FLOAT" | "DEFLOAT" | "PAY_COMMISSION";

const MOVES: Record<
  AgentMoneyMove,
  { from: "SETTLEMENT" | "FLOAT" | "COMMISSION"; to: "SETTLEMENT" | "FLOAT"; words: string }
> = {
  FUND_FLOAT: { from: "SETTLEMENT", to: "FLOAT", words: "Float funded" },
  DEFLOAT: { from: "FLOAT", to: "SETTLEMENT", words: "Float returned" },
  PAY_COMMISSION: { from: "COMMISSION", to: "SETTLEMENT", words: "Commission paid out" },
};

export type MoveOutcome =
  | { status: "DONE"; entryId: bigint; agentBalanceAfter: bigint; currency: string }
  | { status: "PENDING_APPROVAL"; requestId: string; amount: bigint; currency: string };

/**
 * An operator records a movement. What one operator may move alone in any 24 hours is a
 * setting (operatorFourEyesAbove); a movement that would go beyond it moves no money and
 * waits for a second operator (decide-money-request.ts).
 */
export async function moveAgentMoney(
  actor: Actor,
  input: {
    move: AgentMoneyMove;
    agentId: string;
    amount: bigint;
    externalRef: string;
    idempotencyKey: string;
  },
): Promise<MoveOutcome> {
  const { idempotencyKey, ...payload } = input;
  return idempotent(actor, idempotencyKey, `admin.${input.move}`, payload, async (tx) => {
    const agent = await agentShop(tx, input.agentId);
    if (!agent) throw new DomainError("NOT_FOUND", "noSuchAgent");
    const { settings } = await currentSettings(tx);
    const controls = await controlsInForce(tx);
    if (await openRequestFor(tx, input.move, input.externalRef)) {
      throw new DomainError("CONFLICT", "bankRefWaiting", { reference: input.externalRef });
    }
    // One operator's movements take turns here, so a burst is judged as if one by one.
    await lockUserRow(tx, actor.userId);
    const movedAlone = await movedAloneLastDay(tx, actor.userId);
    if (movedAlone + input.amount > controls.operatorFourEyesAbove) {
      const requestId = randomUUID();
      if (
        !(await insertMoneyRequest(tx, {
          id: requestId,
          kind: input.move,
          agentId: input.agentId,
          amount: input.amount,
          currency: settings.currency,
          externalRef: input.externalRef,
          requestedBy: actor.userId,
        }))
      ) {
        throw new DomainError("CONFLICT", "bankRefWaiting", { reference: input.externalRef });
      }
      await appendAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: `money.${input.move.toLowerCase()}.request`,
        entityType: "agent",
        entityId: input.agentId,
        ip: actor.ip,
        after: { ...payload, requestId, movedAloneLastDay: movedAlone },
      });
      return {
        status: "PENDING_APPROVAL",
        requestId,
        amount: input.amount,
        currency: settings.currency,
      };
    }
    const done = await executeAgentMove(tx, {
      move: input.move,
      agentId: input.agentId,
      amount: input.amount,
      externalRef: input.externalRef,
      currency: settings.currency,
      executedBy: actor.userId,
      settlementLimit: controls.settlementLimit,
    });
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: `money.${input.move.toLowerCase()}`,
      entityType: "agent",
      entityId: input.agentId,
      ip: actor.ip,
      after: { ...payload, entryId: done.entryId, agentBalanceAfter: done.agentBalanceAfter },
    });
    return { status: "DONE", ...done, currency: settings.currency };
  });
}

/**
 * Posts one operator movement through ledger_post, inside the caller's transaction. A float
 * funding creates e-money against the platform's bank money: SETTLEMENT's balance (minus the
 * e-money issued) may not go below -settlementLimit. ledger_post holds SETTLEMENT's row lock
 * until commit, so the balance read after it is exact and concurrent fundings take turns:
 * of a burst, exactly those that fit are accepted.
 */
export async function executeAgentMove(
  tx: Tx,
  m: {
    move: AgentMoneyMove;
    agentId: string;
    amount: bigint;
    externalRef: string;
    currency: string;
    executedBy: string;
    settlementLimit: bigint;
  },
): Promise<{ entryId: bigint; agentBalanceAfter: bigint }> {
  const agent = await agentShop(tx, m.agentId);
  if (!agent) throw new DomainError("NOT_FOUND", "noSuchAgent");
  const move = MOVES[m.move];
  const settlement = await ensurePlatformAccount(tx, "SETTLEMENT", m.currency);
  const account = async (kind: "SETTLEMENT" | "FLOAT" | "COMMISSION") =>
    kind === "SETTLEMENT" ? settlement : ensureUserAccount(tx, agent.userId, kind, m.currency);
  const from = await account(move.from);
  const to = await account(move.to);
  let posted: Awaited<ReturnType<typeof postEntry>>;
  try {
    posted = await postEntry(tx, {
      kind: m.move,
      orderId: null,
      description: `${move.words}: ${agent.shopName}, bank reference ${m.externalRef}`,
      postings: [
        { accountId: from, amount: -m.amount },
        { accountId: to, amount: m.amount },
      ],
      externalRef: m.externalRef,
      createdBy: m.executedBy,
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError("CONFLICT", "bankRefRecorded", { reference: m.externalRef });
    }
    throw error;
  }
  if ("shortAccountId" in posted) {
    throw new DomainError("INSUFFICIENT_BALANCE", "agentAccountShort", {
      shop: agent.shopName,
      amount: money(m.amount, m.currency),
      account: move.from === "FLOAT" ? "float" : "commission",
    });
  }
  const balances = await balancesOf(tx, [settlement, move.from === "SETTLEMENT" ? to : from]);
  const balanceOf = (id: bigint) => balances.find((b) => b.id === id)!.balance;
  if (m.move === "FUND_FLOAT" && -balanceOf(settlement) > m.settlementLimit) {
    // Thrown after the posting: the whole transaction rolls back, nothing moved.
    throw new DomainError("LIMIT_EXCEEDED", "settlementLimit", {
      amount: money(m.amount, m.currency),
      total: money(-balanceOf(settlement), m.currency),
      limit: money(m.settlementLimit, m.currency),
    });
  }
  return {
    entryId: posted.entryId,
    agentBalanceAfter: balanceOf(move.from === "SETTLEMENT" ? to : from),
  };
}
