import { z } from "zod";
import { DISPUTE_KINDS } from "@/domain/disputes";
import { agentHistory, agentOrder, agentOverview } from "../../use-cases/agent-home";
import { cardOrder, scanCard } from "../../use-cases/card-order";
import { claimOrder } from "../../use-cases/claim-order";
import { confirmOrder } from "../../use-cases/confirm-order";
import { declineOrder } from "../../use-cases/decline-order";
import { reportShopProblem } from "../../use-cases/open-dispute";
import { amountMinor, currency, idempotencyKey, orderId, page, pin, text } from "../inputs";
import { agentProcedure, router } from "../trpc";

export const agentRouter = router({
  overview: agentProcedure.query(({ ctx }) => agentOverview(ctx.actor)),
  history: agentProcedure.input(page).query(({ ctx, input }) => agentHistory(ctx.actor, input)),
  order: agentProcedure
    .input(z.strictObject({ orderId }))
    .query(({ ctx, input }) => agentOrder(ctx.actor, input.orderId)),
  claim: agentProcedure
    .input(
      z.union([
        z.strictObject({ token: z.string().min(1).max(200) }),
        z.strictObject({ code: z.string().min(1).max(20) }),
      ]),
    )
    .mutation(({ ctx, input }) => claimOrder(ctx.actor, input)),
  /** A personal QR card was scanned: whose it is (name, masked phone), or why it is refused. */
  scanCard: agentProcedure
    .input(z.strictObject({ secret: z.string().min(1).max(200) }))
    .mutation(({ ctx, input }) => scanCard(ctx.actor, input)),
  /** The card's holder typed their PIN on the tablet's pad: the order for the card's wallet. */
  cardOrder: agentProcedure
    .input(
      z.strictObject({
        secret: z.string().min(1).max(200),
        type: z.enum(["CASH_IN", "CASH_OUT"]),
        amount: amountMinor,
        currency,
        pin,
        idempotencyKey,
      }),
    )
    .mutation(({ ctx, input }) => cardOrder(ctx.actor, input)),
  confirm: agentProcedure
    .input(z.strictObject({ orderId, idempotencyKey }))
    .mutation(({ ctx, input }) => confirmOrder(ctx.actor, input)),
  decline: agentProcedure
    .input(
      z.strictObject({
        orderId,
        reason: text("The reason", 200),
        idempotencyKey,
      }),
    )
    .mutation(({ ctx, input }) => declineOrder(ctx.actor, input)),
  /** The shop reports a problem with an order it served (a cash-in's fake or short cash). */
  reportProblem: agentProcedure
    .input(
      z.strictObject({
        orderId,
        kind: z.enum(DISPUTE_KINDS),
        note: text("What happened", 500),
        idempotencyKey,
      }),
    )
    .mutation(({ ctx, input }) => reportShopProblem(ctx.actor, input)),
});
