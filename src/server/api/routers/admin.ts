import { z } from "zod";
import { PLAN_CODE } from "@/domain/commission-plan";
import { ACCOUNT_KINDS } from "@/domain/postings";
import type { SettingsJson } from "@/domain/settings";
import { inputKey } from "@/i18n/translate";
import { listAgents } from "../../use-cases/admin-agents";
import { customerDetail, listCustomers, updateCustomer } from "../../use-cases/admin-customers";
import { findOrders, orderDetail } from "../../use-cases/admin-orders";
import { auditChainOverview } from "../../use-cases/audit-chain-overview";
import { searchAudit } from "../../use-cases/audit-trail";
import { blockCard, cardOf, issueCard } from "../../use-cases/customer-cards";
import { listCyclingPairs } from "../../use-cases/cycling-pairs";
import { decideDispute } from "../../use-cases/decide-dispute";
import { decideMoneyRequest, listMoneyRequests } from "../../use-cases/decide-money-request";
import { decideOperator } from "../../use-cases/decide-operator";
import { findAccounts } from "../../use-cases/find-accounts";
import { reconcile, trialBalance } from "../../use-cases/ledger-checks";
import { disputeEvidence, listDisputes } from "../../use-cases/list-disputes";
import { listOperatorInvitations, listOperators } from "../../use-cases/list-operators";
import { moveAgentMoney } from "../../use-cases/move-agent-money";
import { onboardAgent } from "../../use-cases/onboard-agent";
import { accountStatement, journal, operatorOverview } from "../../use-cases/operator-reports";
import { listOverchargeReports } from "../../use-cases/overcharge-reports";
import { settingsHistory, updateSettings } from "../../use-cases/platform-settings";
import { proposeOperator } from "../../use-cases/propose-operator";
import { decideRebalance, listRebalances, rebalanceFlows } from "../../use-cases/rebalance";
import { decideReversal, listReversals, requestReversal } from "../../use-cases/reverse-order";
import { setAgentPlan } from "../../use-cases/set-agent-plan";
import { setAgentStatus } from "../../use-cases/set-agent-status";
import { setOperatorLock } from "../../use-cases/set-operator-lock";
import {
  amountMinor,
  bankRef,
  idempotencyKey,
  instant,
  orderId,
  pageSize,
  phone,
  pin,
  text,
} from "../inputs";
import { adminProcedure, router } from "../trpc";

const agentId = z.uuid({ message: inputKey("input.agentId") });
const planCode = z.string().regex(PLAN_CODE, inputKey("input.planCode"));
/** Database row ids (bigserial) as cursors and references. */
const rowId = z
  .bigint()
  .min(1n, inputKey("input.entryIdMin"))
  .max(2n ** 62n, inputKey("input.entryIdMax"));

const moneyInput = z.strictObject({
  agentId,
  amount: amountMinor,
  externalRef: bankRef,
  idempotencyKey,
});
const operatorId = z.uuid({ message: inputKey("input.operatorId") });
const rebalanceId = z.uuid({ message: inputKey("input.rebalanceId") });

/** A maker-checker queue (reversals, money requests): one status tab, newest first by keyset. */
function makerCheckerQueue(what: string) {
  return z.strictObject({
    status: z.enum(["REQUESTED", "APPROVED", "REJECTED"]).optional(),
    limit: pageSize(100, 50),
    before: z
      .strictObject({ requestedAt: instant, id: z.uuid({ message: `Not a valid ${what} id` }) })
      .optional(),
  });
}

export const adminRouter = router({
  agents: adminProcedure
    .input(
      z.strictObject({
        limit: pageSize(100, 50),
        before: z.strictObject({ createdAt: instant, id: agentId }).optional(),
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
        commissionPlan: planCode,
        latitude: z.number().min(-90).max(90).optional(),
        longitude: z.number().min(-180).max(180).optional(),
        idempotencyKey,
      }),
    )
    .mutation(({ ctx, input }) => onboardAgent(ctx.actor, input)),
  setAgentPlan: adminProcedure
    .input(z.strictObject({ agentId, plan: planCode }))
    .mutation(({ ctx, input }) => setAgentPlan(ctx.actor, input)),
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
  moneyRequests: adminProcedure
    .input(makerCheckerQueue("request"))
    .query(({ input }) => listMoneyRequests(input)),
  decideMoneyRequest: adminProcedure
    .input(
      z.strictObject({
        requestId: z.uuid({ message: inputKey("input.requestId") }),
        approve: z.boolean(),
        note: text("The note", 500).optional(),
        idempotencyKey,
      }),
    )
    .mutation(({ ctx, input }) => decideMoneyRequest(ctx.actor, input)),
  /** Agents' rebalancing requests, newest first: those waiting for operators, or the decided. */
  rebalances: adminProcedure
    .input(
      z.strictObject({
        waiting: z.boolean(),
        limit: pageSize(100, 50),
        before: z.strictObject({ requestedAt: instant, id: rebalanceId }).optional(),
      }),
    )
    .query(({ input }) => listRebalances(input)),
  /** A shop's last seven days beside its request: served orders, float movements, rebalances. */
  rebalanceFlows: adminProcedure
    .input(z.strictObject({ agentId }))
    .query(({ input }) => rebalanceFlows(input.agentId)),
  decideRebalance: adminProcedure
    .input(
      z.strictObject({
        rebalanceId,
        approve: z.boolean(),
        reason: text("The reason", 500),
        idempotencyKey,
      }),
    )
    .mutation(({ ctx, input }) => decideRebalance(ctx.actor, input)),
  orders: adminProcedure
    .input(
      z.strictObject({
        status: z
          .enum([
            "PENDING",
            "CLAIMED",
            "APPROVED",
            "COMPLETED",
            "CANCELLED",
            "EXPIRED",
            "DECLINED",
            "REVERSED",
          ])
          .optional(),
        type: z.enum(["CASH_IN", "CASH_OUT"]).optional(),
        agentId: agentId.optional(),
        customerPhone: phone.optional(),
        from: instant.optional(),
        to: instant.optional(),
        limit: pageSize(100, 50),
        before: z.strictObject({ createdAt: instant, id: orderId }).optional(),
      }),
    )
    .query(({ input }) => {
      const { limit, before, ...filter } = input;
      return findOrders(filter, { limit, before });
    }),
  order: adminProcedure
    .input(z.strictObject({ orderId }))
    .query(({ input }) => orderDetail(input.orderId)),
  reversals: adminProcedure
    .input(makerCheckerQueue("reversal"))
    .query(({ input }) => listReversals(input)),
  requestReversal: adminProcedure
    .input(
      // At least 3 characters, as reversals.reason's CHECK: a reason a checker can act on.
      z.strictObject({ orderId, reason: text("The reason", 500, 3), idempotencyKey }),
    )
    .mutation(({ ctx, input }) => requestReversal(ctx.actor, input)),
  decideReversal: adminProcedure
    .input(
      z.strictObject({
        reversalId: z.uuid({ message: inputKey("input.reversalId") }),
        approve: z.boolean(),
        note: text("The note", 500).optional(),
        idempotencyKey,
      }),
    )
    .mutation(({ ctx, input }) => decideReversal(ctx.actor, input)),
  disputes: adminProcedure
    .input(
      z.strictObject({
        open: z.boolean().default(true),
        limit: pageSize(100, 50),
        before: z
          .strictObject({
            openedAt: instant,
            id: z.uuid({ message: inputKey("input.disputeId") }),
          })
          .optional(),
      }),
    )
    .query(({ input }) => listDisputes(input)),
  /** The order's timeline, who served it and the holds on its value, to decide a dispute on. */
  disputeEvidence: adminProcedure
    .input(z.strictObject({ disputeId: z.uuid({ message: inputKey("input.disputeId") }) }))
    .query(({ input }) => disputeEvidence(input.disputeId)),
  decideDispute: adminProcedure
    .input(
      z.strictObject({
        disputeId: z.uuid({ message: inputKey("input.disputeId") }),
        decision: z.enum(["UPHOLD", "REJECT"]),
        note: text("The note", 500),
        idempotencyKey,
      }),
    )
    .mutation(({ ctx, input }) => decideDispute(ctx.actor, input)),
  customers: adminProcedure
    .input(
      z.strictObject({
        phone: phone.optional(),
        limit: pageSize(100, 50),
        before: z.strictObject({ createdAt: instant, id: z.uuid() }).optional(),
      }),
    )
    .query(({ input }) => listCustomers(input)),
  customer: adminProcedure
    .input(z.strictObject({ userId: z.uuid({ message: inputKey("input.customerId") }) }))
    .query(({ input }) => customerDetail(input.userId)),
  operators: adminProcedure.query(() => listOperators()),
  customerCard: adminProcedure
    .input(z.strictObject({ userId: z.uuid({ message: inputKey("input.customerId") }) }))
    .query(({ input }) => cardOf(input.userId)),
  issueCustomerCard: adminProcedure
    .input(z.strictObject({ userId: z.uuid({ message: inputKey("input.customerId") }) }))
    .mutation(({ ctx, input }) => issueCard(ctx.actor, input.userId)),
  blockCustomerCard: adminProcedure
    .input(
      z.strictObject({
        userId: z.uuid({ message: inputKey("input.customerId") }),
        reason: text("The reason", 200),
      }),
    )
    .mutation(({ ctx, input }) => blockCard(ctx.actor, input.userId, input.reason)),
  updateCustomer: adminProcedure
    .input(
      z.strictObject({
        userId: z.uuid({ message: inputKey("input.customerId") }),
        kycTier: z.number().int().min(1).max(3).optional(),
        locked: z.boolean().optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateCustomer(ctx.actor, input)),
  settings: adminProcedure
    .input(z.strictObject({ limit: pageSize(50, 10) }))
    .query(({ input }) => settingsHistory(input.limit)),
  updateSettings: adminProcedure
    .input(
      z.strictObject({
        basedOnVersion: z
          .number()
          .int()
          .min(1)
          .max(2 ** 31 - 1),
        // Validated in full by the domain's settings schema in the use case.
        settings: z.record(z.string().max(40), z.unknown()),
      }),
    )
    .mutation(({ ctx, input }) =>
      updateSettings(ctx.actor, {
        basedOnVersion: input.basedOnVersion,
        settings: input.settings as SettingsJson,
      }),
    ),
  audit: adminProcedure
    .input(
      z.strictObject({
        action: z
          .string()
          .max(60)
          .regex(/^[a-z_.]+$/, inputKey("input.auditAction"))
          .optional(),
        entityType: z.enum(["order", "agent", "customer", "settings"]).optional(),
        entityId: z
          .string()
          .max(64)
          .regex(/^[0-9A-Za-z-]+$/)
          .optional(),
        actorId: z.uuid().optional(),
        from: instant.optional(),
        to: instant.optional(),
        beforeId: rowId.optional(),
        limit: pageSize(200, 50),
      }),
    )
    .query(({ input }) => searchAudit(input)),
  overview: adminProcedure.query(() => operatorOverview()),
  cyclingPairs: adminProcedure.query(() => listCyclingPairs()),
  auditChain: adminProcedure.query(() => auditChainOverview()),
  accounts: adminProcedure
    .input(
      z.strictObject({
        kind: z.enum(ACCOUNT_KINDS).optional(),
        ownerPhone: phone.optional(),
        limit: pageSize(100, 50),
      }),
    )
    .query(({ input }) => findAccounts(input)),
  statement: adminProcedure
    .input(
      z.strictObject({
        accountId: rowId,
        beforeId: rowId.optional(),
        limit: pageSize(200, 50),
      }),
    )
    .query(({ input }) => accountStatement(input)),
  journal: adminProcedure
    .input(
      z.strictObject({
        beforeId: rowId.optional(),
        limit: pageSize(100, 25),
      }),
    )
    .query(({ input }) => journal(input)),
  operatorInvitations: adminProcedure
    .input(z.strictObject({ limit: pageSize(100, 20) }))
    .query(({ input }) => listOperatorInvitations(input.limit)),
  proposeOperator: adminProcedure
    .input(z.strictObject({ phone, name: text("The name", 80) }))
    .mutation(({ ctx, input }) => proposeOperator(ctx.actor, input)),
  decideOperator: adminProcedure
    .input(
      z.strictObject({
        invitationId: z.uuid({ message: inputKey("input.proposalId") }),
        approve: z.boolean(),
      }),
    )
    .mutation(({ ctx, input }) => decideOperator(ctx.actor, input)),
  lockOperator: adminProcedure
    .input(z.strictObject({ userId: operatorId, reason: text("The reason", 200) }))
    .mutation(({ ctx, input }) => setOperatorLock(ctx.actor, { ...input, locked: true })),
  unlockOperator: adminProcedure
    .input(z.strictObject({ userId: operatorId }))
    .mutation(({ ctx, input }) => setOperatorLock(ctx.actor, { ...input, locked: false })),
  trialBalance: adminProcedure.query(() => trialBalance()),
  reconcile: adminProcedure.query(() => reconcile()),
  /** Customers' reports that a shop asked more than the official fee, newest first. */
  overchargeReports: adminProcedure
    .input(
      z.strictObject({
        limit: pageSize(100, 50),
        before: z.strictObject({ reportedAt: instant, id: z.uuid() }).optional(),
      }),
    )
    .query(({ input }) => listOverchargeReports(input)),
});
