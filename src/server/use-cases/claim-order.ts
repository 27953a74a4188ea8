import { parseTypedCode } from "@/domain/codes";
import { DomainError } from "@/domain/errors";
import { formatMinor } from "@/domain/money";
import { transitionFor } from "@/domain/order-state";
import { inTransaction } from "../db/transaction";
import { balancesOfUser } from "../repositories/accounts";
import {
  findLiveOrderByTypedCode,
  findOrder,
  findOrderByTokenHash,
  findRecentOrderByTypedCode,
  recordOrderEvent,
  transitionOrder,
} from "../repositories/orders";
import { hashToken, looksLikeToken } from "../security/order-token";
import type { Actor } from "./actor";
import { expireIfDue } from "./expire-orders";
import { activeAgent, explainRefusal } from "./load-order";
import { type AgentOrderView, agentView } from "./order-views";

export type ClaimInput = { token: string } | { code: string };

/**
 * The agent scanned the QR (or typed the code): the order becomes this agent's and no one
 * else's. Scanning again from the same tablet shows the same order; another agent is told
 * it is already being handled. Claiming moves no money, so it needs no idempotency key.
 */
export async function claimOrder(actor: Actor, input: ClaimInput): Promise<AgentOrderView> {
  const located = await inTransaction(async (tx) => {
    await activeAgent(tx, actor);
    if ("token" in input) {
      const token = input.token.trim();
      if (!looksLikeToken(token)) {
        throw new DomainError("WRONG_CODE", "This QR code is not a ProxyPay order");
      }
      return findOrderByTokenHash(tx, hashToken(token));
    }
    const code = parseTypedCode(input.code);
    return (
      (await findLiveOrderByTypedCode(tx, code)) ?? (await findRecentOrderByTypedCode(tx, code))
    );
  });
  if (!located) {
    throw new DomainError(
      "WRONG_CODE",
      "token" in input
        ? "This QR code is not a ProxyPay order, or it was cancelled"
        : "No open order has this code. Check the digits with the customer",
    );
  }
  await expireIfDue(located.id);

  return inTransaction(async (tx) => {
    const agent = await activeAgent(tx, actor);
    const order = (await findOrder(tx, located.id))!;
    if (order.agentId === agent.id && (order.status === "CLAIMED" || order.status === "APPROVED")) {
      return agentView(tx, order);
    }
    if (order.type === "CASH_IN") {
      // Refuse early so the order stays open for an agent who has the float; confirm
      // re-checks atomically in ledger_post.
      const float = (await balancesOfUser(tx, actor.userId)).find(
        (b) => b.kind === "FLOAT" && b.currency === order.currency,
      );
      const available = float ? float.balance - float.onHold : 0n;
      if (available < order.amount) {
        throw new DomainError(
          "INSUFFICIENT_FLOAT",
          `Your float (${formatMinor(available, order.currency)}) is not enough for this cash-in of ${formatMinor(order.amount, order.currency)}. Top up your float first`,
        );
      }
    }
    const t = transitionFor(order.type, "claim");
    const claimed = await transitionOrder(tx, {
      id: order.id,
      from: t.from,
      to: t.to,
      agentId: agent.id,
      time: "before-expiry",
    });
    if (!claimed) return explainRefusal(tx, order.id, "claim");
    await recordOrderEvent(tx, {
      orderId: order.id,
      from: order.status,
      to: t.to,
      actorId: actor.userId,
      actorRole: actor.role,
    });
    return agentView(tx, (await findOrder(tx, order.id))!);
  });
}
