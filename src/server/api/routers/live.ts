import { tracked } from "@trpc/server";
import { z } from "zod";
import { followOrder } from "../../realtime/order-changes";
import type { Actor } from "../../use-cases/actor";
import { agentOrder } from "../../use-cases/agent-home";
import { customerOrder } from "../../use-cases/customer-home";
import type { AgentOrderView, CustomerOrderView } from "../../use-cases/order-views";
import { toTRPCError } from "../errors";
import { orderId } from "../inputs";
import { orderPartyProcedure, router } from "../trpc";

function readOrder(actor: Actor, id: string): Promise<CustomerOrderView | AgentOrderView> {
  return actor.role === "CUSTOMER" ? customerOrder(actor, id) : agentOrder(actor, id);
}

export const liveRouter = router({
  /**
   * Server-sent events: the current order first, then a fresh copy after every change.
   * Both parties read it through their own use case, so ownership rules apply unchanged.
   * `lastEventId` is what httpSubscriptionLink sends when it reconnects; every event is a
   * whole copy of the order, so the stream simply starts again with the current one.
   */
  order: orderPartyProcedure
    .input(z.strictObject({ orderId, lastEventId: z.string().max(100).optional() }))
    .subscription(async function* ({ ctx, input, signal }) {
      let seq = 0;
      try {
        for await (const view of followOrder({
          userId: ctx.actor.userId,
          orderId: input.orderId,
          read: () => readOrder(ctx.actor, input.orderId),
          signal,
        })) {
          yield tracked(`${Date.now()}-${seq++}`, view);
        }
      } catch (error) {
        // Errors thrown while a stream runs bypass the procedure middleware, so domain
        // refusals are mapped here; otherwise they would reach the browser as server errors.
        throw toTRPCError(error);
      }
    }),
});
