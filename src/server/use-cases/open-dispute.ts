import { randomUUID } from "node:crypto";
import { requireDisputable } from "@/domain/disputes";
import { DomainError } from "@/domain/errors";
import { appendAudit } from "../repositories/audit";
import { insertDispute, notifyOrderChanged, recordDisputeHold } from "../repositories/disputes";
import { holdForDispute } from "../repositories/ledger";
import { findOrder } from "../repositories/orders";
import type { Actor } from "./actor";
import { partiesOf } from "./execute-order";
import { idempotent } from "./idempotent";
import { ownOrderOf } from "./order-step";
import { type CustomerOrderView, customerView, customerViewAtRest } from "./order-views";

/**
 * The customer reports that cash crossed the counter but the order did not give its value:
 * a cash-in the shop scanned and then did not complete, or an approved cash-out whose cash
 * never came. The disputed amount is held on the agent's float (as much as is still there)
 * until operators decide, so it cannot be spent meanwhile.
 */
export function openDispute(
  actor: Actor,
  input: { orderId: string; note: string; idempotencyKey: string },
): Promise<CustomerOrderView> {
  const { idempotencyKey, ...payload } = input;
  return idempotent(
    actor,
    idempotencyKey,
    "order.dispute",
    payload,
    async (tx) => {
      const order = ownOrderOf({ order: await findOrder(tx, input.orderId) }, actor);
      const kind = requireDisputable(
        {
          type: order.type,
          status: order.status,
          claimed: order.agentId !== null,
          endedAt: order.completedAt ?? order.closedAt,
        },
        new Date(),
      );
      const id = randomUUID();
      if (
        !(await insertDispute(tx, {
          id,
          orderId: order.id,
          kind,
          openedBy: actor.userId,
          note: input.note,
        }))
      ) {
        throw new DomainError("CONFLICT", "disputeExists");
      }
      const { accounts } = await partiesOf(tx, order);
      const held = await holdForDispute(tx, {
        accountId: accounts.float,
        disputeId: id,
        amount: order.amount,
      });
      await recordDisputeHold(tx, id, held);
      await appendAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: "dispute.open",
        entityType: "order",
        entityId: order.id,
        ip: actor.ip,
        after: { disputeId: id, kind, held, note: input.note },
      });
      await notifyOrderChanged(tx, order.id);
      return customerView(tx, actor, order.id);
    },
    customerViewAtRest,
  );
}
