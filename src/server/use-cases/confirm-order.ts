import { transitionFor } from "@/domain/order-state";
import { balanceAfterEntry } from "../repositories/ledger";
import { findOrder, recordOrderEvent, transitionOrder } from "../repositories/orders";
import type { Actor } from "./actor";
import { executeOrder } from "./execute-order";
import { expireIfDue } from "./expire-orders";
import { idempotent } from "./idempotent";
import { activeAgent, agentsOrder, explainRefusal } from "./load-order";
import { type AgentOrderView, agentView } from "./order-views";

/**
 * The agent has counted the customer's cash for a cash-in and confirms: the order completes
 * and its one journal entry posts, in one transaction. The guarded update lets exactly one
 * confirm through; ledger_post refuses if the float cannot cover it, and then the whole
 * transaction, state change included, rolls back. Cash-outs have no confirm: the
 * customer's approval executes them (transitionFor refuses).
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
      await recordOrderEvent(tx, {
        orderId: order.id,
        from: order.status,
        to: "COMPLETED",
        actor,
      });
      // Everything that does not need the float's lock happens before ledger_post takes it:
      // the float is the hot row, and its lock is held until commit.
      const view = await agentView(tx, (await findOrder(tx, order.id))!, { floatAfter: null });
      const posted = await executeOrder(tx, order);
      return {
        ...view,
        floatAfter: await balanceAfterEntry(tx, posted.entryId, posted.floatAccount),
      };
    },
  );
}
