import type { Actor } from "./actor";
import {
  activeAgentOf,
  agentsOrderOf,
  executionEntry,
  keyedMove,
  keyOf,
  moveOrder,
} from "./order-step";
import { type AgentOrderView, agentViewOf, shopSideOf } from "./order-views";

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
  const { ctx, done } = await keyedMove(actor, input.orderId, idempotency, (ctx) => {
    const agent = activeAgentOf(ctx);
    const order = agentsOrderOf(ctx, agent.id);
    return moveOrder(
      actor,
      order,
      "confirm",
      () => ({
        agentId: agent.id,
        entry: executionEntry(order, ctx.accounts, agent.shopName, "float"),
      }),
      { idempotency, accounts: ctx.accounts },
    );
  });
  return agentViewOf(done.order, {
    customerPhone: ctx.customerPhone ?? "",
    floatAfter: done.receiptBalance,
    dispute: null,
    ...shopSideOf(ctx),
    disputeRules: ctx.disputeRules,
  });
}
