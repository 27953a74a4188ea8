import { transitionFor } from "@/domain/order-state";
import { getDb } from "../db/client";
import { inTransaction } from "../db/transaction";
import { releaseHold } from "../repositories/ledger";
import {
  dueForExpiry,
  findOrder,
  isOverdue,
  recordOrderEvent,
  transitionOrder,
} from "../repositories/orders";

/**
 * Moves one order to EXPIRED if its time is up and it is still live, releasing a cash-out
 * hold. Safe to call from anywhere, any number of times: the guarded update lets only one
 * caller do it. Use cases call it before acting on an order so that a stale order is
 * reported as expired, and the sweep calls it for orders nobody touched.
 */
export async function expireIfDue(orderId: string): Promise<boolean> {
  // Nearly always the order is not overdue: one read answers that without the four round
  // trips of a transaction. An order that turns overdue just after is still refused by the
  // caller's guarded update ("before-expiry"), as it would be a moment after this call anyway.
  if (!(await isOverdue(getDb(), orderId))) return false;
  return inTransaction(async (tx) => {
    const order = await findOrder(tx, orderId);
    if (!order) return false;
    const t = transitionFor(order.type, "expire");
    const moved = await transitionOrder(tx, {
      id: orderId,
      from: t.from,
      to: t.to,
      time: "after-expiry",
      closeReason: "The code expired before it was used",
    });
    if (!moved) return false;
    await releaseHold(tx, orderId);
    await recordOrderEvent(tx, {
      orderId,
      from: order.status,
      to: "EXPIRED",
      actor: null,
    });
    return true;
  });
}

/** The periodic sweep (see src/instrumentation.ts); returns how many orders it expired. */
export async function expireDueOrders(batch = 200): Promise<number> {
  const ids = await inTransaction((tx) => dueForExpiry(tx, batch));
  let expired = 0;
  for (const id of ids) {
    if (await expireIfDue(id)) expired++;
  }
  return expired;
}
