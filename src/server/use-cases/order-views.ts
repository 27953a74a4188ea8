import { maskPhone } from "@/domain/codes";
import {
  type DisputeKind,
  type DisputeParty,
  type DisputeRules,
  type DisputeStatus,
  reportableReasons,
} from "@/domain/disputes";
import { isLive, type OrderStatus } from "@/domain/order-state";
import type { OrderType } from "@/domain/pricing";
import type { Tx } from "../db/transaction";
import { type OrderContext, orderContext } from "../repositories/order-steps";
import type { OrderRow } from "../repositories/orders";
import { orderToken } from "../security/order-token";
import type { Actor } from "./actor";

/** A dispute as both parties see it (the note stays with operators). */
export interface DisputeView {
  kind: DisputeKind;
  /** Who opened it: the customer, or the shop. */
  party: DisputeParty;
  status: DisputeStatus;
  openedAt: Date;
  /** Held on the accused side (the shop's float, or the customer's wallet) until operators decide. */
  held: bigint;
  decisionNote: string | null;
}

/** Which order it is, where it stands and its money: what every view of an order says. */
export interface OrderHeadline {
  id: string;
  reference: string;
  type: OrderType;
  status: OrderStatus;
  currency: string;
  amount: bigint;
  fee: bigint;
}

/** When the order was made, is due, was taken and ended, and why it ended. */
interface OrderClock {
  createdAt: Date;
  expiresAt: Date;
  claimedAt: Date | null;
  completedAt: Date | null;
  closedAt: Date | null;
  closeReason: string | null;
}

/** What the customer's phone shows about one order. */
export interface CustomerOrderView extends OrderHeadline, OrderClock {
  /** What the wallet receives (cash-in) or pays (cash-out, amount + fee). */
  walletAmount: bigint;
  agentShopName: string | null;
  /** Only while the order is live: the QR content and the typed fallback. */
  token: string | null;
  typedCode: string | null;
  /** The wallet balance right after this order executed (receipt). */
  balanceAfter: bigint | null;
  dispute: DisputeView | null;
  /** The problems the customer may report about this order now (empty: none). */
  reportable: DisputeKind[];
  /** The rules the report screen states in words. */
  disputeRules: DisputeRules | null;
}

/**
 * A customer view as the idempotency table keeps it: without the live token (the database
 * must not hold one in clear, docs/security.md). "" marks that the view had one; a replay
 * rebuilds it from the order id with the server's key, so the owner gets the same QR back.
 */
export const customerViewAtRest = {
  store: (v: CustomerOrderView): CustomerOrderView => ({
    ...v,
    token: v.token === null ? null : "",
  }),
  restore: (v: CustomerOrderView): CustomerOrderView => ({
    ...v,
    token: v.token === null ? null : orderToken(v.id),
  }),
};

/** What the agent's tablet shows: no token, the customer's phone masked. */
export interface AgentOrderView extends OrderHeadline, OrderClock {
  /** Set when the order was claimed (an agent sees only orders it claimed). */
  commission: bigint | null;
  customerPhone: string;
  /** Cash the agent takes in (cash-in) or hands out (cash-out). */
  cash: bigint;
  floatAfter: bigint | null;
  dispute: DisputeView | null;
  /** The person (owner or assistant) whose scan claimed the order. */
  servedBy: string | null;
  /** The problems the shop may report about this order now (empty: none). */
  reportable: DisputeKind[];
  disputeRules: DisputeRules | null;
}

type Money = Pick<OrderRow, "type" | "amount" | "fee">;

/** What every list and screen says of an order: which it is, where it stands, its money. */
export function orderHeadline(o: OrderHeadline): OrderHeadline {
  const { id, reference, type, status, currency, amount, fee } = o;
  return { id, reference, type, status, currency, amount, fee };
}

function orderClock(o: OrderRow): OrderClock {
  const { createdAt, expiresAt, claimedAt, completedAt, closedAt, closeReason } = o;
  return { createdAt, expiresAt, claimedAt, completedAt, closedAt, closeReason };
}

/** What the wallet receives (cash-in) or pays (cash-out, amount + fee). */
export function walletAmount(o: Money): bigint {
  return o.type === "CASH_IN" ? o.amount - o.fee : o.amount + o.fee;
}

/**
 * What a party may report about an order now. `rules` null: not read, for a view of an order
 * that cannot be reported yet (a new one).
 */
function reportableBy(
  o: OrderRow,
  party: DisputeParty,
  dispute: DisputeView | null,
  rules: DisputeRules | null,
): DisputeKind[] {
  if (dispute || !rules) return [];
  return reportableReasons(
    {
      type: o.type,
      status: o.status,
      claimed: o.agentId !== null,
      endedAt: o.completedAt ?? o.closedAt,
    },
    party,
    new Date(),
    rules.windowHours,
  );
}

/** What the phone shows, from the order and the facts the caller has already read. */
export function customerViewOf(
  o: OrderRow,
  known: {
    agentShopName: string | null;
    balanceAfter: bigint | null;
    dispute: DisputeView | null;
    disputeRules: DisputeRules | null;
  },
): CustomerOrderView {
  const live = isLive(o.status);
  const dispute = live ? null : known.dispute;
  return {
    ...orderHeadline(o),
    walletAmount: walletAmount(o),
    ...orderClock(o),
    agentShopName: known.agentShopName,
    token: live ? orderToken(o.id) : null,
    typedCode: live ? o.typedCode : null,
    balanceAfter: o.status === "COMPLETED" ? known.balanceAfter : null,
    dispute,
    reportable: reportableBy(o, "CUSTOMER", dispute, known.disputeRules),
    disputeRules: known.disputeRules,
  };
}

/** The phone's view of an order inside the caller's transaction (one statement). */
export async function customerView(
  tx: Tx,
  actor: Actor,
  orderId: string,
): Promise<CustomerOrderView> {
  const ctx = await orderContext(tx, { userId: actor.userId, orderId });
  if (!ctx.order) throw new Error(`order ${orderId} vanished`);
  return customerViewOf(ctx.order, {
    agentShopName: ctx.orderAgent?.shopName ?? null,
    balanceAfter: ctx.executed.wallet,
    dispute: ctx.dispute,
    disputeRules: ctx.disputeRules,
    ...shopSideOf(ctx),
  });
}

/**
 * Who is looking at a shop's order: the person who served it (a claim this call makes is the
 * caller's) and whether the caller is the shop's owner. Assistants never see commission:
 * it is left out of the answer, not only off the screen.
 */
export function shopSideOf(ctx: Pick<OrderContext, "agent" | "servedByName" | "callerName">) {
  return { servedBy: ctx.servedByName ?? ctx.callerName, isOwner: ctx.agent?.isOwner ?? false };
}

/** What the tablet shows, from the order and the facts the caller has already read. */
export function agentViewOf(
  o: OrderRow,
  known: {
    customerPhone: string;
    floatAfter: bigint | null;
    dispute: DisputeView | null;
    disputeRules: DisputeRules | null;
  } & ReturnType<typeof shopSideOf>,
): AgentOrderView {
  const dispute = isLive(o.status) ? null : known.dispute;
  return {
    ...orderHeadline(o),
    commission: known.isOwner ? o.commission : null,
    servedBy: known.servedBy,
    customerPhone: maskPhone(known.customerPhone),
    ...orderClock(o),
    cash: o.amount,
    floatAfter: known.floatAfter,
    dispute,
    reportable: reportableBy(o, "SHOP", dispute, known.disputeRules),
    disputeRules: known.disputeRules,
  };
}

/**
 * The tablet's view of an order inside the caller's transaction; the caller has already
 * checked that the order is its shop's.
 */
export async function agentView(tx: Tx, actor: Actor, orderId: string): Promise<AgentOrderView> {
  const ctx = await orderContext(tx, { userId: actor.userId, orderId });
  if (!ctx.order) throw new Error(`order ${orderId} vanished`);
  return agentViewOf(ctx.order, {
    customerPhone: ctx.customerPhone ?? "",
    floatAfter: ctx.executed.float,
    dispute: ctx.dispute,
    disputeRules: ctx.disputeRules,
    ...shopSideOf(ctx),
  });
}
