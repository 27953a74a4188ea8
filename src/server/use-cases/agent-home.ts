import { maskPhone } from "@/domain/codes";
import { DomainError } from "@/domain/errors";
import { planOf } from "@/domain/settings";
import { inTransaction } from "../db/transaction";
import { balancesOfUser } from "../repositories/accounts";
import { agentTotalsToday, ordersOfAgent, type Page } from "../repositories/orders";
import { currentSettings } from "../repositories/settings";
import { shopOfUser } from "../repositories/users";
import type { Actor } from "./actor";
import { agentsOrderOf, readOrderNow } from "./order-step";
import { type AgentOrderView, agentViewOf, orderHeadline, shopSideOf } from "./order-views";

async function agentOf(actor: Actor) {
  return inTransaction(async (tx) => {
    const agent = await shopOfUser(tx, actor.userId);
    if (!agent) throw new DomainError("FORBIDDEN", "notAnAgent");
    return agent;
  });
}

/**
 * Float, commission and today's totals: the header of the agent's tablet. A shop assistant
 * gets the float and today's counts but no commission, plan or earnings: null in the answer,
 * not merely hidden by the screen. `isOwner` tells the screen which pages to offer.
 */
export async function agentOverview(actor: Actor) {
  const agent = await agentOf(actor);
  const owner = agent.isOwner;
  return inTransaction(async (tx) => {
    const balances = await balancesOfUser(tx, agent.userId);
    const pick = (kind: "FLOAT" | "COMMISSION") =>
      balances
        .filter((b) => b.kind === kind)
        .map((b) => ({
          currency: b.currency,
          balance: b.balance,
          available: b.balance - b.onHold,
        }));
    const totals = await agentTotalsToday(tx, agent.id);
    const plan = planOf((await currentSettings(tx)).settings, agent.commissionPlan);
    return {
      shopName: agent.shopName,
      status: agent.status,
      suspendedReason: agent.suspendedReason,
      isOwner: owner,
      float: pick("FLOAT"),
      commission: owner ? pick("COMMISSION") : null,
      // What the shop earns on orders it takes from now on, so the agent can check it.
      plan: owner
        ? { name: plan.name, cashIn: plan.cashIn, cashOutShareBps: plan.cashOutShareBps }
        : null,
      today: totals.map((t) => ({
        type: t.type,
        count: Number(t.count),
        amount: t.amount,
        commission: owner ? t.commission : null,
      })),
    };
  });
}

export async function agentHistory(actor: Actor, page: Page) {
  const agent = await agentOf(actor);
  return inTransaction(async (tx) => {
    const rows = await ordersOfAgent(tx, agent.id, page);
    return rows.map((o) => ({
      ...orderHeadline(o),
      // Tells a customer's Reject from an agent's Decline (both end DECLINED).
      closeReason: o.closeReason,
      commission: agent.isOwner ? o.commission : null,
      customerPhone: maskPhone(o.customer.phone),
      createdAt: o.createdAt,
      completedAt: o.completedAt,
    }));
  });
}

/** One order as the tablet shows it (also what its live stream sends after each change). */
export async function agentOrder(actor: Actor, orderId: string): Promise<AgentOrderView> {
  const { ctx, order } = await readOrderNow(actor, orderId, (c) => {
    // A suspended shop still sees its orders (it may decline them).
    if (!c.agent) throw new DomainError("FORBIDDEN", "notAnAgent");
    return agentsOrderOf(c, c.agent.id);
  });
  return agentViewOf(order, {
    customerPhone: ctx.customerPhone ?? "",
    floatAfter: ctx.executed.float,
    dispute: ctx.dispute,
    ...shopSideOf(ctx),
    disputeRules: ctx.disputeRules,
  });
}
