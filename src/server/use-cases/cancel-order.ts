import { transitionFor } from "@/domain/order-state";
import { orderContext } from "../repositories/order-steps";
import type { Actor } from "./actor";
import { keyOf, ownOrderOf, replayed, takeStep } from "./order-step";
import { type CustomerOrderView, customerViewOf } from "./order-views";

/** The customer withdraws a live order; a cash-out's hold goes back to the balance. */
export async function cancelOrder(
  actor: Actor,
  input: { orderId: string; idempotencyKey: string },
): Promise<CustomerOrderView> {
  const idempotency = keyOf(input.idempotencyKey, "order.cancel", { orderId: input.orderId });
  const ctx = await orderContext(null, {
    userId: actor.userId,
    orderId: input.orderId,
    key: input.idempotencyKey,
  });
  const done = ctx.replay
    ? replayed(ctx.replay, idempotency)
    : await (async () => {
        const order = ownOrderOf(ctx, actor);
        const t = transitionFor(order.type, "cancel");
        return takeStep(
          null,
          {
            orderId: order.id,
            from: t.from,
            to: t.to,
            time: "before-expiry",
            actor,
            closeReason: "Cancelled by the customer",
            releaseHold: true,
            idempotency,
          },
          "cancel",
        );
      })();
  return customerViewOf(done.order, {
    agentShopName: ctx.orderAgent?.shopName ?? null,
    balanceAfter: null,
    dispute: null,
  });
}
