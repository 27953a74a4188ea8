import { tracked } from "@trpc/server";
import { z } from "zod";
import { subscribeToOrder } from "../../realtime/order-changes";
import type { Actor } from "../../use-cases/actor";
import { agentOrder } from "../../use-cases/agent-home";
import { customerOrder } from "../../use-cases/customer-home";
import { orderId } from "../inputs";
import { orderPartyProcedure, router } from "../trpc";

function readOrder(actor: Actor, id: string) {
  return actor.role === "CUSTOMER" ? customerOrder(actor, id) : agentOrder(actor, id);
}

export const liveRouter = router({
  /**
   * Server-sent events: the current order first, then a fresh copy after every change.
   * Both parties read it through their own use case, so ownership rules apply unchanged.
   */
  order: orderPartyProcedure.input(z.strictObject({ orderId })).subscription(async function* ({
    ctx,
    input,
    signal,
  }) {
    const changes = await subscribeToOrder(input.orderId, signal);
    let seq = 0;
    const first = await readOrder(ctx.actor, input.orderId);
    yield tracked(`${Date.now()}-${seq++}`, first);
    while (!signal?.aborted) {
      const next = await changes.next();
      if (next.done) return;
      yield tracked(`${Date.now()}-${seq++}`, await readOrder(ctx.actor, input.orderId));
    }
  }),
});
