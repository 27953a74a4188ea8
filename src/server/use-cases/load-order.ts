import { DomainError } from "@/domain/errors";
import type { Tx } from "../db/transaction";
import { findOrder, type OrderRow } from "../repositories/orders";
import type { Actor } from "./actor";

/** The customer's own order, or NOT_FOUND (never reveal that someone else's exists). */
export async function ownOrder(tx: Tx, actor: Actor, orderId: string): Promise<OrderRow> {
  const order = await findOrder(tx, orderId);
  if (!order || order.customerId !== actor.userId) {
    throw new DomainError("NOT_FOUND", "We could not find that order");
  }
  return order;
}
