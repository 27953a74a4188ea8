import { z } from "zod";
import { DISPUTE_KINDS } from "@/domain/disputes";
import { answerApproval } from "../../use-cases/answer-approval";
import { cancelOrder } from "../../use-cases/cancel-order";
import { createOrder } from "../../use-cases/create-order";
import { blockCard, cardOf, issueCard } from "../../use-cases/customer-cards";
import { customerActivity, customerOrder, customerOverview } from "../../use-cases/customer-home";
import { openDispute } from "../../use-cases/open-dispute";
import { quoteOrder } from "../../use-cases/quote-order";
import { customerReceipt, reportOvercharge } from "../../use-cases/receipts";
import { amountMinor, currency, idempotencyKey, orderId, page, pin, text } from "../inputs";
import { customerProcedure, router } from "../trpc";

export const customerRouter = router({
  overview: customerProcedure.query(({ ctx }) => customerOverview(ctx.actor)),
  activity: customerProcedure
    .input(page)
    .query(({ ctx, input }) => customerActivity(ctx.actor, input)),
  order: customerProcedure
    .input(z.strictObject({ orderId }))
    .query(({ ctx, input }) => customerOrder(ctx.actor, input.orderId)),
  quote: customerProcedure
    .input(z.strictObject({ type: z.enum(["CASH_IN", "CASH_OUT"]), amount: amountMinor, currency }))
    .query(({ input }) => quoteOrder(input)),
  createOrder: customerProcedure
    .input(
      z.strictObject({
        type: z.enum(["CASH_IN", "CASH_OUT"]),
        amount: amountMinor,
        currency,
        mode: z.literal("PROXY").default("PROXY"),
        idempotencyKey,
      }),
    )
    .mutation(({ ctx, input }) => {
      const { mode: _proxyOnly, ...order } = input;
      return createOrder(ctx.actor, order);
    }),
  cancelOrder: customerProcedure
    .input(z.strictObject({ orderId, idempotencyKey }))
    .mutation(({ ctx, input }) => cancelOrder(ctx.actor, input)),
  answerApproval: customerProcedure
    .input(
      z.union([
        z.strictObject({ orderId, approve: z.literal(true), pin, idempotencyKey }),
        z.strictObject({ orderId, approve: z.literal(false), idempotencyKey }),
      ]),
    )
    .mutation(({ ctx, input }) => answerApproval(ctx.actor, input)),
  /** The personal QR card to print, for a customer who may come without a phone. */
  card: customerProcedure.query(({ ctx }) => cardOf(ctx.actor.userId)),
  /** A new card; the one still working, if any, stops working at once (replaced). */
  issueCard: customerProcedure.mutation(({ ctx }) => issueCard(ctx.actor, ctx.actor.userId)),
  /** The card is lost: it stops working at once. */
  blockCard: customerProcedure.mutation(({ ctx }) => blockCard(ctx.actor, ctx.actor.userId, null)),
  /** A problem with one of the customer's orders, for a reason its rules allow. */
  reportProblem: customerProcedure
    .input(
      z.strictObject({
        orderId,
        kind: z.enum(DISPUTE_KINDS),
        note: text("What happened", 500),
        idempotencyKey,
      }),
    )
    .mutation(({ ctx, input }) => openDispute(ctx.actor, input)),
  /** The signed receipt of a completed order, and its overcharge report if any. */
  receipt: customerProcedure
    .input(z.strictObject({ orderId }))
    .query(({ ctx, input }) => customerReceipt(ctx.actor, input.orderId)),
  /** The shop asked for more than the official fee: what it asked beyond it, and a note. */
  reportOvercharge: customerProcedure
    .input(
      z.strictObject({
        orderId,
        amountAsked: amountMinor,
        note: text("The note", 500).optional(),
        idempotencyKey,
      }),
    )
    .mutation(({ ctx, input }) => reportOvercharge(ctx.actor, input)),
});
