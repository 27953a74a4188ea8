import { DomainError } from "@/domain/errors";
import { transitionFor } from "@/domain/order-state";
import { orderContext } from "../repositories/order-steps";
import type { Actor } from "./actor";
import { agentsOrderOf, keyOf, replayed, takeStep } from "./order-step";
import { type AgentOrderView, agentViewOf } from "./order-views";

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
  const ctx = await orderContext(null, {
    userId: actor.userId,
    orderId: input.orderId,
    key: idempotencyKey,
  });
  const done = ctx.replay
    ? replayed(ctx.replay, idempotency)
    : await (async () => {
        const agent = ctx.agent;
        if (!agent) throw new DomainError("FORBIDDEN", "This account is not an agent");
        const order = agentsOrderOf(ctx, agent.id);
        const t = transitionFor(order.type, "decline");
        return takeStep(
          null,
          {
            orderId: order.id,
            from: t.from,
            to: t.to,
            time: "before-expiry",
            actor,
            agentId: agent.id,
            closeReason: `Declined by ${agent.shopName}: ${input.reason}`,
            detail: input.reason,
            releaseHold: true,
            idempotency,
          },
          "decline",
        );
      })();
  return agentViewOf(done.order, {
    customerPhone: ctx.customerPhone ?? "",
    floatAfter: null,
    dispute: null,
  });
}
