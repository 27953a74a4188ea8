import { DomainError } from "@/domain/errors";
import { formatMinor } from "@/domain/money";
import { isUniqueViolation } from "../db/transaction";
import { ensurePlatformAccount, ensureUserAccount } from "../repositories/accounts";
import { appendAudit } from "../repositories/audit";
import { postEntry } from "../repositories/ledger";
import { currentSettings } from "../repositories/settings";
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

export async function moveAgentMoney(
  actor: Actor,
  input: {
    move: AgentMoneyMove;
    agentId: string;
    amount: bigint;
    externalRef: string;
    idempotencyKey: string;
  },
) {
  const { idempotencyKey, ...payload } = input;
  return idempotent(actor, idempotencyKey, `admin.${input.move}`, payload, async (tx) => {
    const agent = await tx.agent.findUnique({
      where: { id: input.agentId },
      select: { userId: true, shopName: true },
    });
    if (!agent) throw new DomainError("NOT_FOUND", "No such agent");
    const { settings } = await currentSettings(tx);
    const move = MOVES[input.move];
    const account = async (kind: "SETTLEMENT" | "FLOAT" | "COMMISSION") =>
      kind === "SETTLEMENT"
        ? ensurePlatformAccount(tx, "SETTLEMENT", settings.currency)
        : ensureUserAccount(tx, agent.userId, kind, settings.currency);
    const from = await account(move.from);
    const to = await account(move.to);
    let posted: Awaited<ReturnType<typeof postEntry>>;
    try {
      posted = await postEntry(tx, {
        kind: input.move,
        orderId: null,
        description: `${move.words}: ${agent.shopName}, bank reference ${input.externalRef}`,
        postings: [
          { accountId: from, amount: -input.amount },
          { accountId: to, amount: input.amount },
        ],
        externalRef: input.externalRef,
        createdBy: actor.userId,
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError(
          "CONFLICT",
          `Bank reference ${input.externalRef} was already recorded for this kind of movement`,
        );
      }
      throw error;
    }
    if ("shortAccountId" in posted) {
      throw new DomainError(
        "INSUFFICIENT_BALANCE",
        `${agent.shopName} has less than ${formatMinor(input.amount, settings.currency)} in its ${move.from === "FLOAT" ? "float" : "commission"} account`,
      );
    }
    const after = await tx.account.findUniqueOrThrow({
      where: { id: move.from === "SETTLEMENT" ? to : from },
      select: { balance: true },
    });
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: `money.${input.move.toLowerCase()}`,
      entityType: "agent",
      entityId: input.agentId,
      ip: actor.ip,
      after: { ...payload, entryId: posted.entryId, agentBalanceAfter: after.balance },
    });
    return {
      entryId: posted.entryId,
      agentBalanceAfter: after.balance,
      currency: settings.currency,
    };
  });
}
