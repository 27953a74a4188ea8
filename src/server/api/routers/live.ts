import { tracked } from "@trpc/server";
import { z } from "zod";
import { subscribeToOrder } from "../../realtime/order-changes";
import type { Actor } from "../../use-cases/actor";
import { agentOrder } from "../../use-cases/agent-home";
import { customerOrder } from "../../use-cases/customer-home";
import { toTRPCError } from "../errors";
import { orderId } from "../inputs";
import { orderPartyProcedure, router } from "../trpc";

/**
 * Errors thrown while a stream runs bypass the procedure middleware, so domain refusals
 * are mapped here; otherwise a refusal would reach the browser as a server error.
 */
async function readOrder(actor: Actor, id: string) {
  try {
    return await (actor.role === "CUSTOMER" ? customerOrder(actor, id) : agentOrder(actor, id));
  } catch (error) {
    throw toTRPCError(error);
  }
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
