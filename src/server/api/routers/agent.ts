import { z } from "zod";
import { DISPUTE_KINDS } from "@/domain/disputes";
import { inputKey } from "@/i18n/translate";
import { agentHistory, agentOrder, agentOverview } from "../../use-cases/agent-home";
import { cardOrder, scanCard } from "../../use-cases/card-order";
import { claimOrder } from "../../use-cases/claim-order";
import { confirmOrder } from "../../use-cases/confirm-order";
import { declineOrder } from "../../use-cases/decline-order";
import { reportShopProblem } from "../../use-cases/open-dispute";
import { cancelRebalance, myRebalances, requestRebalance } from "../../use-cases/rebalance";
import { agentReceipt } from "../../use-cases/receipts";
import { addAssistant, setAssistantSuspended, shopStaff } from "../../use-cases/shop-staff";
import {
  amountMinor,
  bankRef,
  currency,
  idempotencyKey,
  orderId,
  page,
  phone,
  pin,
  text,
} from "../inputs";
import { agentProcedure, router, shopOwnerProcedure } from "../trpc";

const assistant = z.strictObject({ userId: z.uuid({ message: inputKey("input.assistantId") }) });

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
  /** The shop's assistants (owner only: managing people is not counter work). */
  staff: shopOwnerProcedure.query(({ ctx }) => shopStaff(ctx.actor)),
  addAssistant: shopOwnerProcedure
    .input(z.strictObject({ name: text("The name", 80), phone, pin }))
    .mutation(({ ctx, input }) => addAssistant(ctx.actor, input)),
  suspendAssistant: shopOwnerProcedure
    .input(assistant)
    .mutation(({ ctx, input }) =>
      setAssistantSuspended(ctx.actor, { userId: input.userId, suspended: true }),
    ),
  reactivateAssistant: shopOwnerProcedure
    .input(assistant)
    .mutation(({ ctx, input }) =>
      setAssistantSuspended(ctx.actor, { userId: input.userId, suspended: false }),
    ),
  /** The signed receipt of an order this shop completed. */
  receipt: agentProcedure
    .input(z.strictObject({ orderId }))
    .query(({ ctx, input }) => agentReceipt(ctx.actor, input.orderId)),
  /** The shop's rebalancing requests with their state (the owner's business, not the counter's). */
  rebalances: shopOwnerProcedure.query(({ ctx }) => myRebalances(ctx.actor)),
  /** Buy float against a bank deposit (its reference), or sell float for cash delivered. */
  requestRebalance: shopOwnerProcedure
    .input(
      z
        .strictObject({
          kind: z.enum(["BUY_FLOAT", "SELL_FLOAT"]),
          amount: amountMinor,
          bankReference: bankRef.optional(),
          idempotencyKey,
        })
        // A purchase names the deposit that pays for it; a sale has no deposit to name.
        .refine((i) => (i.kind === "BUY_FLOAT") === (i.bankReference !== undefined), {
          message: inputKey("input.rebalanceReference"),
          path: ["bankReference"],
        }),
    )
    .mutation(({ ctx, input }) => requestRebalance(ctx.actor, input)),
  cancelRebalance: shopOwnerProcedure
    .input(
      z.strictObject({
        rebalanceId: z.uuid({ message: inputKey("input.rebalanceId") }),
        idempotencyKey,
      }),
    )
    .mutation(({ ctx, input }) => cancelRebalance(ctx.actor, input)),
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
