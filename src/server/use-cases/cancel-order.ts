import { transitionFor } from "@/domain/order-state";
import { releaseHold } from "../repositories/ledger";
import { findOrder, recordOrderEvent, transitionOrder } from "../repositories/orders";
import type { Actor } from "./actor";
import { expireIfDue } from "./expire-orders";
import { idempotent } from "./idempotent";
import { explainRefusal, ownOrder } from "./load-order";
import { type CustomerOrderView, customerView, customerViewAtRest } from "./order-views";

/** The customer withdraws a live order; a cash-out's hold goes back to the balance. */
export async function cancelOrder(
  actor: Actor,
  input: { orderId: string; idempotencyKey: string },
): Promise<CustomerOrderView> {
  await expireIfDue(input.orderId);
  return idempotent(
    actor,
    input.idempotencyKey,
    "order.cancel",
    { orderId: input.orderId },
    async (tx) => {
      const order = await ownOrder(tx, actor, input.orderId);
      const t = transitionFor(order.type, "cancel");
      const moved = await transitionOrder(tx, {
        id: order.id,
        from: t.from,
        to: t.to,
        time: "before-expiry",
        closeReason: "Cancelled by the customer",
      });
      if (!moved) return explainRefusal(tx, order.id, "cancel");
      await releaseHold(tx, order.id);
      await recordOrderEvent(tx, {
        orderId: order.id,
        from: order.status,
        to: t.to,
        actor,
      });
      return customerView(tx, (await findOrder(tx, order.id))!);
    },
    customerViewAtRest,
  );
}
