import { DomainError } from "@/domain/errors";
import { isLive, type OrderAction, refusalFor } from "@/domain/order-state";
import type { Tx } from "../db/transaction";
import { findOrder, type OrderRow } from "../repositories/orders";
import { findAgentByUserId } from "../repositories/users";
import type { Actor } from "./actor";

/** The customer's own order, or NOT_FOUND (never reveal that someone else's exists). */
export async function ownOrder(tx: Tx, actor: Actor, orderId: string): Promise<OrderRow> {
  const order = await findOrder(tx, orderId);
  if (!order || order.customerId !== actor.userId) {
    throw new DomainError("NOT_FOUND", "We could not find that order");
  }
  return order;
}

/** The calling agent's record, refusing suspended agents with the operator's reason. */
export async function activeAgent(tx: Tx, actor: Actor) {
  const agent = await findAgentByUserId(tx, actor.userId);
  if (!agent) throw new DomainError("FORBIDDEN", "This account is not an agent");
  if (agent.status === "SUSPENDED") {
    throw new DomainError(
      "AGENT_SUSPENDED",
      `Your shop is suspended${agent.suspendedReason ? `: ${agent.suspendedReason}` : ""}. Please call ProxyPay support`,
    );
  }
  return agent;
}

/**
 * An order this agent has claimed. Orders the agent never scanned are not found, whether
 * open or taken by another shop: their existence is none of this agent's business.
 */
export async function agentsOrder(tx: Tx, agentId: string, orderId: string): Promise<OrderRow> {
  const order = await findOrder(tx, orderId);
  if (!order || order.agentId !== agentId) {
    throw new DomainError(
      "NOT_FOUND",
      "We could not find that order for your shop. Scan the customer's code first",
    );
  }
  return order;
}

/** After a guarded update touched nothing: read the order again and say why. */
export async function explainRefusal(tx: Tx, orderId: string, action: OrderAction): Promise<never> {
  const now = await findOrder(tx, orderId);
  if (!now) throw new DomainError("NOT_FOUND", "We could not find that order");
  if (isLive(now.status) && now.expiresAt <= new Date()) {
    throw refusalFor(now.type, action, "EXPIRED");
  }
  throw refusalFor(now.type, action, now.status);
}
