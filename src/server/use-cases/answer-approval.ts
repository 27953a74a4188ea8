import { transitionFor } from "@/domain/order-state";
import { releaseHold } from "../repositories/ledger";
import { findOrder, recordOrderEvent, transitionOrder } from "../repositories/orders";
import type { Actor } from "./actor";
import { expireIfDue } from "./expire-orders";
import { idempotent } from "./idempotent";
import { explainRefusal, ownOrder } from "./load-order";
import { type CustomerOrderView, customerView } from "./order-views";

/**
 * The customer's yes or no to the agent who scanned their cash-out QR. Without this step
 * a photographed QR could drain a wallet; the phone shows the agent's shop name first.
 */
export async function answerApproval(
  actor: Actor,
  input: { orderId: string; approve: boolean; idempotencyKey: string },
): Promise<CustomerOrderView> {
  await expireIfDue(input.orderId);
  const { idempotencyKey, ...payload } = input;
  return idempotent(actor, idempotencyKey, "order.answer", payload, async (tx) => {
    const order = await ownOrder(tx, actor, input.orderId);
    const action = input.approve ? "approve" : "reject";
    const t = transitionFor(order.type, action);
    const moved = await transitionOrder(tx, {
      id: order.id,
      from: t.from,
      to: t.to,
      time: "before-expiry",
      ...(input.approve ? {} : { closeReason: "Rejected by the customer" }),
    });
    if (!moved) return explainRefusal(tx, order.id, action);
    if (!input.approve) await releaseHold(tx, order.id);
    await recordOrderEvent(tx, {
      orderId: order.id,
      from: order.status,
      to: t.to,
      actor,
    });
    return customerView(tx, (await findOrder(tx, order.id))!);
  });
}
