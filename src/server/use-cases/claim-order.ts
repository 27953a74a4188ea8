import { parseTypedCode } from "@/domain/codes";
import { DomainError, money } from "@/domain/errors";
import { commissionFor } from "@/domain/pricing";
import { TYPED_CODE_PER_AGENT, typedCodeKey } from "@/domain/rate-limits";
import { planOf } from "@/domain/settings";
import { inTransaction } from "../db/transaction";
import { markUsed } from "../repositories/finder";
import { type OrderContext, orderContext } from "../repositories/order-steps";
import {
  findLiveOrderByTypedCode,
  findRecentOrderByTypedCode,
  type OrderRow,
} from "../repositories/orders";
import { currentSettings, settingsVersion } from "../repositories/settings";
import { hashToken, looksLikeToken } from "../security/order-token";
import type { Actor } from "./actor";
import { admitAttempt, takeBackAttempt } from "./failure-limits";
import { activeAgentOf, moveOrder } from "./order-step";
import { type AgentOrderView, agentViewOf, shopSideOf } from "./order-views";

export type ClaimInput = { token: string } | { code: string };

/**
 * A typed code is short enough to guess, so every lookup counts against the agent before
 * it is made, and typing (not scanning) is paused for a while once over
 * TYPED_CODE_PER_AGENT; a code that finds its order takes its attempt back, so only wrong
 * codes use up the budget.
 */
async function locateByCode(actor: Actor, raw: string): Promise<string> {
  // The shop first (whose budget: the owner's and every assistant's typing share one), then
  // counted before any lookup of a code: in a burst, attempts are admitted as they arrive.
  const agent = activeAgentOf(await orderContext(null, { userId: actor.userId }));
  const key = typedCodeKey(agent.id);
  await admitAttempt([{ key, policy: TYPED_CODE_PER_AGENT }], "tooMany.typedCodes");
  const code = parseTypedCode(raw);
  const order = await inTransaction(
    async (tx) =>
      (await findLiveOrderByTypedCode(tx, code)) ?? (await findRecentOrderByTypedCode(tx, code)),
  );
  if (!order) {
    throw new DomainError("WRONG_CODE", "noOrderWithCode");
  }
  await takeBackAttempt(key);
  return order.id;
}

/**
 * The agent scanned the QR (or typed the code): the order becomes this agent's and no one
 * else's, and is given the commission this agent earns on it. Scanning again from the same
 * tablet shows the same order; another agent is told it is already being handled. Claiming
 * moves no money, so it needs no idempotency key. One read and one guarded write.
 */
export async function claimOrder(actor: Actor, input: ClaimInput): Promise<AgentOrderView> {
  let ctx: OrderContext;
  if ("token" in input) {
    const token = input.token.trim();
    // Not a token at all: no lookup can find it (the hash of "" matches no order).
    ctx = await orderContext(null, {
      userId: actor.userId,
      tokenHash: looksLikeToken(token) ? hashToken(token) : "",
    });
  } else {
    ctx = await orderContext(null, {
      userId: actor.userId,
      orderId: await locateByCode(actor, input.code),
    });
  }
  const agent = activeAgentOf(ctx);
  const order = ctx.order;
  if (!order) throw new DomainError("WRONG_CODE", "notAnOrder");
  const view = (o: OrderRow) =>
    agentViewOf(o, {
      customerPhone: ctx.customerPhone ?? "",
      floatAfter: null,
      dispute: null,
      ...shopSideOf(ctx),
      disputeRules: null,
    });
  if (order.agentId === agent.id && order.status === "CLAIMED") return view(order);
  if (order.type === "CASH_IN") {
    // Refuse early so the order stays open for an agent who has the float; confirm
    // re-checks atomically in ledger_post.
    const available = ctx.callerFloatAvailable ?? 0n;
    if (available < order.amount) {
      throw new DomainError("INSUFFICIENT_FLOAT", "floatShortForCashIn", {
        available: money(available, order.currency),
        amount: money(order.amount, order.currency),
      });
    }
  }
  const done = await moveOrder(actor, order, "claim", async () => {
    // The agent's plan, at the rates of the version the order was priced with: a rate
    // change applies to orders created after it, like every other setting. A plan added
    // since then is paid at its rates of today. Versions are cached: no query, usually.
    const priced = await settingsVersion(null, order.configVersion);
    const plan =
      agent.commissionPlan in priced.commissionPlans
        ? planOf(priced, agent.commissionPlan)
        : planOf(priced, agent.commissionPlan, (await currentSettings(null)).settings);
    return {
      agentId: agent.id,
      // From the scan on, the counter needs time (count the cash, the customer's approval):
      // the order gets a full TTL again rather than expiring in the middle of it.
      claim: {
        commission: commissionFor(order.type, order, plan),
        holdOpenSeconds: priced.orderTtlSeconds,
      },
    };
  });
  // A customer who reserved at this shop has come: the promise is kept, no longer counted.
  await markUsed(null, { customerId: order.customerId, agentId: agent.id, type: order.type });
  return view(done.order);
}
