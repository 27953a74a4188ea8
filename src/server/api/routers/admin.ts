import { z } from "zod";
import { listAgents } from "../../use-cases/admin-agents";
import { reconcile, trialBalance } from "../../use-cases/ledger-checks";
import { moveAgentMoney } from "../../use-cases/move-agent-money";
import { onboardAgent } from "../../use-cases/onboard-agent";
import { setAgentStatus } from "../../use-cases/set-agent-status";
import { amountMinor, idempotencyKey, phone, pin, text } from "../inputs";
import { adminProcedure, router } from "../trpc";

const agentId = z.uuid({ message: "Not a valid agent id" });
const externalRef = z
  .string()
  .trim()
  .min(3, "Enter the bank's reference")
  .max(80, "The reference is too long")
  .regex(/^[A-Za-z0-9/._-]+$/, "The reference may use letters, digits and / . _ - only");

const moneyInput = z.strictObject({ agentId, amount: amountMinor, externalRef, idempotencyKey });

export const adminRouter = router({
  agents: adminProcedure
    .input(
      z.strictObject({
        limit: z.number().int().min(1).max(100).default(50),
        before: z.strictObject({ createdAt: z.date(), id: agentId }).optional(),
      }),
    )
    .query(({ input }) => listAgents(input)),
  onboardAgent: adminProcedure
    .input(
      z.strictObject({
        shopName: text("The shop name", 80),
        ownerName: text("The owner's name", 80),
        ownerPhone: phone,
        pin,
        locationText: text("The location", 200),
        latitude: z.number().min(-90).max(90).optional(),
        longitude: z.number().min(-180).max(180).optional(),
      }),
    )
    .mutation(({ ctx, input }) => onboardAgent(ctx.actor, input)),
  suspendAgent: adminProcedure
    .input(z.strictObject({ agentId, reason: text("The reason", 200) }))
    .mutation(({ ctx, input }) => setAgentStatus(ctx.actor, { ...input, suspend: true })),
  reactivateAgent: adminProcedure
    .input(z.strictObject({ agentId }))
    .mutation(({ ctx, input }) => setAgentStatus(ctx.actor, { ...input, suspend: false })),
  fundFloat: adminProcedure
    .input(moneyInput)
    .mutation(({ ctx, input }) => moveAgentMoney(ctx.actor, { ...input, move: "FUND_FLOAT" })),
  defloat: adminProcedure
    .input(moneyInput)
    .mutation(({ ctx, input }) => moveAgentMoney(ctx.actor, { ...input, move: "DEFLOAT" })),
  payCommission: adminProcedure
    .input(moneyInput)
    .mutation(({ ctx, input }) => moveAgentMoney(ctx.actor, { ...input, move: "PAY_COMMISSION" })),
  trialBalance: adminProcedure.query(() => trialBalance()),
  reconcile: adminProcedure.query(() => reconcile()),
});
