import type { Actor } from "./actor";
import { keyedMove, keyOf, moveOrder, ownOrderOf } from "./order-step";
import { type CustomerOrderView, customerViewOf } from "./order-views";

/** The customer withdraws a live order; a cash-out's hold goes back to the balance. */
export async function cancelOrder(
  actor: Actor,
  input: { orderId: string; idempotencyKey: string },
): Promise<CustomerOrderView> {
  const idempotency = keyOf(input.idempotencyKey, "order.cancel", { orderId: input.orderId });
  const { ctx, done } = await keyedMove(actor, input.orderId, idempotency, (ctx) =>
    moveOrder(
      actor,
      ownOrderOf(ctx, actor),
      "cancel",
      () => ({ closeReason: "Cancelled by the customer", releaseHold: true }),
      { idempotency },
    ),
  );
  return customerViewOf(done.order, {
    agentShopName: ctx.orderAgent?.shopName ?? null,
    balanceAfter: null,
    dispute: null,
    disputeRules: ctx.disputeRules,
  });
}
