import { DomainError } from "@/domain/errors";
import { transitionFor } from "@/domain/order-state";
import { releaseHold } from "../repositories/ledger";
import { findOrder, recordOrderEvent, transitionOrder } from "../repositories/orders";
import { findAgentByUserId } from "../repositories/users";
import type { Actor } from "./actor";
import { idempotent } from "./idempotent";
import { agentsOrder, explainRefusal } from "./load-order";
import { type AgentOrderView, agentView } from "./order-views";

/**
 * The agent will not serve this order (no cash in the drawer, customer left...), before it
 * executes: a cash-out the customer approved is paid and cannot be declined. A suspended
 * agent may still decline: it frees the customer's order and money.
 */
export function declineOrder(
  actor: Actor,
  input: { orderId: string; reason: string; idempotencyKey: string },
): Promise<AgentOrderView> {
  const { idempotencyKey, ...payload } = input;
  return idempotent(actor, idempotencyKey, "order.decline", payload, async (tx) => {
    const agent = await findAgentByUserId(tx, actor.userId);
    if (!agent) throw new DomainError("FORBIDDEN", "This account is not an agent");
    const order = await agentsOrder(tx, agent.id, input.orderId);
    const t = transitionFor(order.type, "decline");
    const moved = await transitionOrder(tx, {
      id: order.id,
      from: t.from,
      to: t.to,
      agentId: agent.id,
      time: "before-expiry",
      closeReason: `Declined by ${agent.shopName}: ${input.reason}`,
    });
    if (!moved) return explainRefusal(tx, order.id, "decline");
    await releaseHold(tx, order.id);
    await recordOrderEvent(tx, {
      orderId: order.id,
      from: order.status,
      to: t.to,
      actor,
      detail: input.reason,
    });
    return agentView(tx, (await findOrder(tx, order.id))!);
  });
}
