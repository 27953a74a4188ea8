import { z } from "zod";
import { weekHours } from "@/domain/opening-hours";
import { inputKey } from "@/i18n/translate";
import {
  acceptReservation,
  cancelReservation,
  declineReservation,
  myReservation,
  reserveAgent,
  searchAgents,
  shopReservations,
} from "../../use-cases/finder";
import { myShop, setAgentLocation, updateMyShop } from "../../use-cases/shop-profile";
import { amountMinor, currency, idempotencyKey, text } from "../inputs";
import {
  adminProcedure,
  agentProcedure,
  customerProcedure,
  router,
  shopOwnerProcedure,
} from "../trpc";

const agentId = z.uuid({ message: inputKey("input.agentId") });
const reservationId = z.uuid({ message: inputKey("input.reservationId") });
const type = z.enum(["CASH_IN", "CASH_OUT"]);
const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);
const decision = z.strictObject({ reservationId, idempotencyKey });

export const finderRouter = router({
  /** Shops near the phone's coarse position, or in a typed area, for this amount. */
  search: customerProcedure
    .input(
      z
        .strictObject({
          type,
          amount: amountMinor,
          currency,
          near: z.strictObject({ latitude, longitude }).optional(),
          area: text("The area", 80).optional(),
        })
        .refine((i) => (i.near === undefined) !== (i.area === undefined), {
          message: inputKey("input.finderWhere"),
        }),
    )
    .mutation(({ ctx, input }) => searchAgents(ctx.actor, input)),
  reserve: customerProcedure
    .input(z.strictObject({ agentId, type, amount: amountMinor, currency, idempotencyKey }))
    .mutation(({ ctx, input }) => reserveAgent(ctx.actor, input)),
  myReservation: customerProcedure.query(({ ctx }) => myReservation(ctx.actor)),
  cancel: customerProcedure
    .input(decision)
    .mutation(({ ctx, input }) => cancelReservation(ctx.actor, input)),
  /** The shop's upcoming demand (the counter's Upcoming panel polls it). */
  reservations: agentProcedure.query(({ ctx }) => shopReservations(ctx.actor)),
  accept: agentProcedure
    .input(decision)
    .mutation(({ ctx, input }) => acceptReservation(ctx.actor, input)),
  decline: agentProcedure
    .input(decision)
    .mutation(({ ctx, input }) => declineReservation(ctx.actor, input)),
  myShop: shopOwnerProcedure.query(({ ctx }) => myShop(ctx.actor)),
  updateMyShop: shopOwnerProcedure
    .input(z.strictObject({ openingHours: weekHours }))
    .mutation(({ ctx, input }) => updateMyShop(ctx.actor, input)),
  setAgentLocation: adminProcedure
    .input(z.strictObject({ agentId, latitude, longitude, areaName: text("The area name", 80) }))
    .mutation(({ ctx, input }) => setAgentLocation(ctx.actor, input)),
});
