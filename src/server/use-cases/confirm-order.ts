import { transitionFor } from "@/domain/order-state";
import { orderContext } from "../repositories/order-steps";
import type { Actor } from "./actor";
import {
  activeAgentOf,
  agentsOrderOf,
  executionEntry,
  keyOf,
  refuseUnlessFrom,
  replayed,
  takeStep,
} from "./order-step";
import { type AgentOrderView, agentViewOf } from "./order-views";

/**
 * The agent has counted the customer's cash for a cash-in and confirms: the order completes
 * and its one journal entry posts, in one statement (order_step). The guard lets exactly one
 * confirm through; ledger_post refuses if the float cannot cover it, and then the state
 * change rolls back with it. Cash-outs have no confirm: the customer's approval executes
 * them (transitionFor refuses).
 */
export async function confirmOrder(
  actor: Actor,
  input: { orderId: string; idempotencyKey: string },
): Promise<AgentOrderView> {
  const idempotency = keyOf(input.idempotencyKey, "order.confirm", { orderId: input.orderId });
  const ctx = await orderContext(null, {
    userId: actor.userId,
    orderId: input.orderId,
    key: input.idempotencyKey,
  });
  const done = ctx.replay
    ? replayed(ctx.replay, idempotency)
    : await (async () => {
        const agent = activeAgentOf(ctx);
        const order = agentsOrderOf(ctx, agent.id);
        const t = transitionFor(order.type, "confirm");
        await refuseUnlessFrom(order, t.from, "confirm");
        return takeStep(
          null,
          {
            orderId: order.id,
            from: t.from,
            to: t.to,
            time: "before-expiry",
            actor,
            agentId: agent.id,
            entry: executionEntry(order, ctx.accounts, agent.shopName, "float"),
            idempotency,
          },
          "confirm",
          ctx.accounts,
        );
      })();
  return agentViewOf(done.order, {
    customerPhone: ctx.customerPhone ?? "",
    floatAfter: done.receiptBalance,
    dispute: null,
  });
}
