import { z } from "zod";
import { DRAWER_MOVE_KINDS } from "@/domain/cash-drawer";
import { MAX_AMOUNT_MINOR } from "@/domain/money";
import { inputKey } from "@/i18n/translate";
import {
  agentDrawerDays,
  closeDrawer,
  drawerLogbook,
  drawerScreen,
  moveDrawerCash,
  openDrawer,
  setAgentThresholds,
  setShopThresholds,
} from "../../use-cases/cash-drawer";
import { amountMinor, idempotencyKey, text } from "../inputs";
import { adminProcedure, agentProcedure, router, shopOwnerProcedure } from "../trpc";

const agentId = z.uuid({ message: inputKey("input.agentId") });

/** Cash counted in a drawer, or a threshold: zero is a real count. */
const cashAmount = z
  .bigint({ message: inputKey("input.amountWhole") })
  .min(0n, inputKey("input.amountNotNegative"))
  .max(MAX_AMOUNT_MINOR, inputKey("input.amountLarge"));

/** One denomination counted: its face value in minor units and how many lie in the drawer. */
const piece = z.strictObject({
  value: amountMinor,
  count: z.number().int().min(0).max(1_000_000),
});

/** A count: a total, or notes and coins (the server adds them up); exactly one of the two. */
const count = z
  .strictObject({
    total: cashAmount.optional(),
    pieces: z.array(piece).min(1).max(20).optional(),
    idempotencyKey,
  })
  .refine((c) => (c.total === undefined) !== (c.pieces === undefined), {
    message: inputKey("input.countOneWay"),
  });

/** A threshold: an amount, or null for the platform's default. */
const threshold = cashAmount.nullable();

export const drawerRouter = router({
  /** The drawer, float, thresholds and alerts as the tablet shows them. */
  state: agentProcedure.query(({ ctx }) => drawerScreen(ctx.actor)),
  /** The last 14 days: every order and move with cash and float after it, and the closes. */
  logbook: agentProcedure.query(({ ctx }) => drawerLogbook(ctx.actor)),
  open: agentProcedure.input(count).mutation(({ ctx, input }) => openDrawer(ctx.actor, input)),
  move: agentProcedure
    .input(
      z.strictObject({
        kind: z.enum(DRAWER_MOVE_KINDS),
        amount: amountMinor,
        note: text("The note", 200).optional(),
        idempotencyKey,
      }),
    )
    .mutation(({ ctx, input }) => moveDrawerCash(ctx.actor, input)),
  close: agentProcedure.input(count).mutation(({ ctx, input }) => closeDrawer(ctx.actor, input)),
  setThresholds: shopOwnerProcedure
    .input(z.strictObject({ lowFloat: threshold, lowCash: threshold }))
    .mutation(({ ctx, input }) => setShopThresholds(ctx.actor, input)),
  /** The operator's drawer panel for one shop. */
  agentDays: adminProcedure
    .input(z.strictObject({ agentId }))
    .query(({ input }) => agentDrawerDays(input.agentId)),
  setAgentThresholds: adminProcedure
    .input(z.strictObject({ agentId, lowFloat: threshold, lowCash: threshold }))
    .mutation(({ ctx, input }) => setAgentThresholds(ctx.actor, input)),
});
