import { DomainError } from "@/domain/errors";
import { inTransaction } from "../db/transaction";
import { balancesOfUser } from "../repositories/accounts";
import { ordersOfCustomer, type Page } from "../repositories/orders";
import { findUserById } from "../repositories/users";
import type { Actor } from "./actor";
import { ownOrderOf, readOrderNow } from "./order-step";
import { type CustomerOrderView, customerViewOf, orderHeadline, walletAmount } from "./order-views";

export async function customerOverview(actor: Actor) {
  return inTransaction(async (tx) => {
    const user = await findUserById(tx, actor.userId);
    if (!user) throw new DomainError("NOT_FOUND", "accountGone");
    const wallets = (await balancesOfUser(tx, actor.userId))
      .filter((b) => b.kind === "WALLET")
      .map((b) => ({
        currency: b.currency,
        balance: b.balance,
        onHold: b.onHold,
        available: b.balance - b.onHold,
      }));
    return { name: user.name, phone: user.phone, kycTier: user.kycTier, wallets };
  });
}

export async function customerActivity(actor: Actor, page: Page) {
  return inTransaction(async (tx) => {
    const rows = await ordersOfCustomer(tx, actor.userId, page);
    return rows.map((o) => ({
      ...orderHeadline(o),
      // Tells a customer's Reject from an agent's Decline (both end DECLINED).
      closeReason: o.closeReason,
      walletAmount: walletAmount(o),
      agentShopName: o.agent?.shopName ?? null,
      createdAt: o.createdAt,
      expiresAt: o.expiresAt,
    }));
  });
}

/** One order as the phone shows it (also what its live stream sends after each change). */
export async function customerOrder(actor: Actor, orderId: string): Promise<CustomerOrderView> {
  const { ctx, order } = await readOrderNow(actor, orderId, (c) => ownOrderOf(c, actor));
  return customerViewOf(order, {
    agentShopName: ctx.orderAgent?.shopName ?? null,
    balanceAfter: ctx.executed.wallet,
    dispute: ctx.dispute,
    disputeRules: ctx.disputeRules,
  });
}
