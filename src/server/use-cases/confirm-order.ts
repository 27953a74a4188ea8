import { DomainError } from "@/domain/errors";
import { transitionFor } from "@/domain/order-state";
import { executionPostings } from "@/domain/postings";
import { accountsForOrder } from "../repositories/accounts";
import { balanceAfterEntry, postEntry } from "../repositories/ledger";
import { findOrder, recordOrderEvent, transitionOrder } from "../repositories/orders";
import type { Actor } from "./actor";
import { expireIfDue } from "./expire-orders";
import { idempotent } from "./idempotent";
import { activeAgent, agentsOrder, explainRefusal } from "./load-order";
import { type AgentOrderView, agentView } from "./order-views";

/**
 * The agent confirms that cash changed hands: the order completes and its one journal
 * entry posts, in one transaction. The guarded update lets exactly one confirm through;
 * ledger_post refuses if the float (cash-in) or wallet (cash-out) cannot cover it, and
 * then the whole transaction, state change included, rolls back.
 */
export async function confirmOrder(
  actor: Actor,
  input: { orderId: string; idempotencyKey: string },
): Promise<AgentOrderView> {
  await expireIfDue(input.orderId);
  return idempotent(
    actor,
    input.idempotencyKey,
    "order.confirm",
    { orderId: input.orderId },
    async (tx) => {
      const agent = await activeAgent(tx, actor);
      const order = await agentsOrder(tx, agent.id, input.orderId);
      const t = transitionFor(order.type, "confirm");
      const moved = await transitionOrder(tx, {
        id: order.id,
        from: t.from,
        to: t.to,
        agentId: agent.id,
        time: "before-expiry",
      });
      if (!moved) return explainRefusal(tx, order.id, "confirm");

      const accounts = await accountsForOrder(tx, order.customerId, agent.userId, order.currency);
      await recordOrderEvent(tx, {
        orderId: order.id,
        from: order.status,
        to: "COMPLETED",
        actor,
      });
      // Everything that does not need the float's lock happens before ledger_post takes it:
      // the float is the hot row, and its lock is held until commit.
      const view = await agentView(tx, (await findOrder(tx, order.id))!, { floatAfter: null });
      const posted = await postEntry(tx, {
        kind: order.type,
        orderId: order.id,
        description: `${order.type === "CASH_IN" ? "Cash-in" : "Cash-out"} ${order.reference} at ${agent.shopName}`,
        postings: executionPostings(order.type, { ...order, commission: priced(order) }, accounts),
        captureHold: order.type === "CASH_OUT",
      });
      if ("shortAccountId" in posted) {
        if (posted.shortAccountId === accounts.float) {
          throw new DomainError(
            "INSUFFICIENT_FLOAT",
            "Your float is not enough for this cash-in. Top up your float, then confirm again",
          );
        }
        throw new DomainError(
          "INSUFFICIENT_BALANCE",
          "The customer's wallet cannot cover this order",
        );
      }
      return { ...view, floatAfter: await balanceAfterEntry(tx, posted.entryId, accounts.float) };
    },
  );
}

/**
 * The commission set when the order was claimed. The database refuses a claimed order
 * without one (orders_commission_once_claimed), so a missing one is a broken invariant:
 * refuse to pay rather than pay the agent nothing.
 */
function priced(order: { id: string; commission: bigint | null }): bigint {
  if (order.commission === null) throw new Error(`order ${order.id} has no commission`);
  return order.commission;
}
