import { parseTypedCode } from "@/domain/codes";
import { DomainError } from "@/domain/errors";
import { formatMinor } from "@/domain/money";
import { transitionFor } from "@/domain/order-state";
import { commissionFor } from "@/domain/pricing";
import { TYPED_CODE_PER_AGENT } from "@/domain/rate-limits";
import { planOf } from "@/domain/settings";
import { inTransaction } from "../db/transaction";
import { balancesOfUser } from "../repositories/accounts";
import {
  findLiveOrderByTypedCode,
  findOrder,
  findOrderByTokenHash,
  findRecentOrderByTypedCode,
  type OrderRow,
  recordOrderEvent,
  transitionOrder,
} from "../repositories/orders";
import { currentSettings, settingsVersion } from "../repositories/settings";
import { hashToken, looksLikeToken } from "../security/order-token";
import type { Actor } from "./actor";
import { expireIfDue } from "./expire-orders";
import { admitAttempt, takeBackAttempt } from "./failure-limits";
import { activeAgent, explainRefusal } from "./load-order";
import { type AgentOrderView, agentView } from "./order-views";

export type ClaimInput = { token: string } | { code: string };

const NOT_AN_ORDER = "This QR code is not a ProxyPay order, or it was cancelled";

async function locateByToken(actor: Actor, raw: string): Promise<OrderRow> {
  const token = raw.trim();
  const order = await inTransaction(async (tx) => {
    await activeAgent(tx, actor);
    return looksLikeToken(token) ? findOrderByTokenHash(tx, hashToken(token)) : null;
  });
  if (!order) throw new DomainError("WRONG_CODE", NOT_AN_ORDER);
  return order;
}

/**
 * A typed code is short enough to guess, so every lookup counts against the agent before
 * it is made, and typing (not scanning) is paused for a while once over
 * TYPED_CODE_PER_AGENT; a code that finds its order takes its attempt back, so only wrong
 * codes use up the budget.
 */
async function locateByCode(actor: Actor, raw: string): Promise<OrderRow> {
  const agent = await inTransaction((tx) => activeAgent(tx, actor));
  const key = `code:agent:${agent.id}`;
  await admitAttempt(
    [{ key, policy: TYPED_CODE_PER_AGENT }],
    "Too many wrong codes: typing codes is paused, scanning still works",
  );
  const code = parseTypedCode(raw);
  const order = await inTransaction(
    async (tx) =>
      (await findLiveOrderByTypedCode(tx, code)) ?? (await findRecentOrderByTypedCode(tx, code)),
  );
  if (!order) {
    throw new DomainError(
      "WRONG_CODE",
      "No open order has this code. Check the digits with the customer",
    );
  }
  await takeBackAttempt(key);
  return order;
}

/**
 * The agent scanned the QR (or typed the code): the order becomes this agent's and no one
 * else's, and is given the commission this agent earns on it. Scanning again from the same
 * tablet shows the same order; another agent is told it is already being handled. Claiming moves no money, so it needs no idempotency key.
 */
export async function claimOrder(actor: Actor, input: ClaimInput): Promise<AgentOrderView> {
  const located =
    "token" in input
      ? await locateByToken(actor, input.token)
      : await locateByCode(actor, input.code);
  await expireIfDue(located.id);

  return inTransaction(async (tx) => {
    const agent = await activeAgent(tx, actor);
    const order = (await findOrder(tx, located.id))!;
    if (order.agentId === agent.id && order.status === "CLAIMED") {
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
    // The agent's plan, at the rates of the version the order was priced with: a rate
    // change applies to orders created after it, like every other setting. A plan added
    // since then is paid at its rates of today.
    const priced = await settingsVersion(tx, order.configVersion);
    const plan =
      agent.commissionPlan in priced.commissionPlans
        ? planOf(priced, agent.commissionPlan)
        : planOf(priced, agent.commissionPlan, (await currentSettings(tx)).settings);
    const t = transitionFor(order.type, "claim");
    const claimed = await transitionOrder(tx, {
      id: order.id,
      from: t.from,
      to: t.to,
      agentId: agent.id,
      commission: commissionFor(order.type, order, plan),
      // From the scan on, the counter needs time (count the cash, the customer's approval):
      // the order gets a full TTL again rather than expiring in the middle of it.
      holdOpenSeconds: priced.orderTtlSeconds,
      time: "before-expiry",
    });
    if (!claimed) return explainRefusal(tx, order.id, "claim");
    await recordOrderEvent(tx, {
      orderId: order.id,
      from: order.status,
      to: t.to,
      actor,
    });
    return agentView(tx, (await findOrder(tx, order.id))!);
  });
}
