import { DomainError } from "@/domain/errors";
import type { Actor } from "./actor";
import { agentsOrderOf, keyedMove, keyOf, moveOrder } from "./order-step";
import { type AgentOrderView, agentViewOf, shopSideOf } from "./order-views";

/**
 * The agent will not serve this order (no cash in the drawer, customer left...), before it
 * executes: a cash-out the customer approved is paid and cannot be declined. A suspended
 * agent may still decline: it frees the customer's order and money.
 */
export async function declineOrder(
  actor: Actor,
  input: { orderId: string; reason: string; idempotencyKey: string },
): Promise<AgentOrderView> {
  const { idempotencyKey, ...payload } = input;
  const idempotency = keyOf(idempotencyKey, "order.decline", payload);
  const { ctx, done } = await keyedMove(actor, input.orderId, idempotency, (ctx) => {
    const agent = ctx.agent;
    if (!agent) throw new DomainError("FORBIDDEN", "notAnAgent");
    return moveOrder(
      actor,
      agentsOrderOf(ctx, agent.id),
      "decline",
      () => ({
        agentId: agent.id,
        closeReason: `Declined by ${agent.shopName}: ${input.reason}`,
        detail: input.reason,
        releaseHold: true,
      }),
      { idempotency },
    );
  });
  return agentViewOf(done.order, {
    customerPhone: ctx.customerPhone ?? "",
    floatAfter: null,
    dispute: null,
    ...shopSideOf(ctx),
    disputeRules: ctx.disputeRules,
  });
}
