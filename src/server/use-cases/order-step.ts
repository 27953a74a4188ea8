import { DomainError } from "@/domain/errors";
import {
  isLive,
  type OrderAction,
  type OrderStatus,
  refusalFor,
  transitionFor,
} from "@/domain/order-state";
import { executionPostings } from "@/domain/postings";
import {
  applyOrderStep,
  type OrderContext,
  type OrderStep,
  orderContext,
  type StepDone,
  type StoredKey,
  stepDoneFromJson,
} from "../repositories/order-steps";
import type { OrderRow } from "../repositories/orders";
import type { Actor } from "./actor";
import { expireIfDue } from "./expire-orders";
import { requestHash } from "./idempotent";

/**
 * The money commands of the counter run as "read, decide, write": one read (orderContext),
 * the decision in TypeScript (the domain's transition table, prices, postings), and one
 * guarded write (order_step), each one statement on its own with no transaction around
 * them. The write re-checks everything the decision relied on that another caller could
 * change, so a race still lets exactly one caller through.
 */

type Idempotency = ReturnType<typeof keyOf>;

/** An idempotency key with the fingerprint of the request it came with. */
export function keyOf(key: string, operation: string, payload: unknown) {
  return { key, operation, requestHash: requestHash(operation, payload) };
}

/** The stored answer to a key, or a refusal when the key came with another request. */
export function replayed(
  stored: StoredKey,
  idempotency: { operation: string; requestHash: string },
): StepDone {
  if (
    stored.operation !== idempotency.operation ||
    stored.requestHash !== idempotency.requestHash
  ) {
    throw new DomainError("IDEMPOTENCY_KEY_REUSED", "requestKeyReused");
  }
  return stepDoneFromJson(stored.response as Parameters<typeof stepDoneFromJson>[0]);
}

/** The entry that executes an order (capturing a cash-out's hold), as a step's `entry`. */
export function executionEntry(
  order: OrderRow,
  accounts: OrderContext["accounts"],
  shopName: string,
  receipt: "wallet" | "float",
  commission: bigint | null = order.commission,
): NonNullable<OrderStep["entry"]> {
  if (!order.agentId || commission === null) {
    // The database refuses a claimed order without both; a missing one is a broken
    // invariant: refuse to pay rather than pay the agent nothing.
    throw new Error(`order ${order.id} has no agent or commission`);
  }
  const { wallet, float, commission: earned, feeRevenue, commissionExpense } = accounts;
  if (!wallet || !float || !earned || !feeRevenue || !commissionExpense) {
    throw new Error(`order ${order.id} is missing an account in ${order.currency}`);
  }
  const all = { wallet, float, commission: earned, feeRevenue, commissionExpense };
  return {
    kind: order.type,
    description: `${order.type === "CASH_IN" ? "Cash-in" : "Cash-out"} ${order.reference} at ${shopName}`,
    postings: executionPostings(order.type, { ...order, commission }, all),
    captureHold: order.type === "CASH_OUT",
    receiptAccount: all[receipt],
  };
}

/** Money an entry needed and did not find: whose it was decides what the person is told. */
export function shortOf(accountId: bigint, accounts: OrderContext["accounts"]): DomainError {
  if (accountId === accounts.float) {
    return new DomainError("INSUFFICIENT_FLOAT", "agentFloatShort");
  }
  return new DomainError("INSUFFICIENT_BALANCE", "customerWalletShort");
}

/** What a counter move writes besides the transition itself. */
type MoveFields = Omit<OrderStep, "orderId" | "from" | "to" | "time" | "actor" | "idempotency">;

/**
 * A person's move on an order they may touch (claim, confirm, answer, cancel, decline): the
 * domain's transition for `action`, refused at once when the order read is not in a state
 * it starts from, then `fields` (built only now: an unclaimed order has no agent to pay)
 * written by one guarded order_step before the order's expiry. Every outcome other than
 * "done" becomes what the person is told; a move refused because the order's time is up
 * expires it first (releasing a cash-out's hold), so it does not stay live until the sweep.
 */
export async function moveOrder(
  actor: Actor,
  order: OrderRow,
  action: OrderAction,
  fields: () => MoveFields | Promise<MoveFields>,
  options: { idempotency?: Idempotency; accounts?: OrderContext["accounts"] } = {},
): Promise<StepDone> {
  const t = transitionFor(order.type, action);
  await refuseUnlessFrom(order, t.from, action);
  const step: OrderStep = {
    orderId: order.id,
    from: t.from,
    to: t.to,
    time: "before-expiry",
    actor,
    ...(await fields()),
    ...(options.idempotency ? { idempotency: options.idempotency } : {}),
  };
  const r = await applyOrderStep(null, step);
  switch (r.outcome) {
    case "done":
      return r;
    case "replay":
      return replayed(r, step.idempotency!);
    case "short":
      throw shortOf(r.accountId, options.accounts ?? {});
    case "refused":
      if (!r.order) throw new DomainError("NOT_FOUND", "orderNotFound");
      return refuse(r.order, action, r.overdue);
  }
}

/**
 * A keyed move: one read of the order with what its key already answered; that answer
 * again when the key was used before, else `decide`'s move.
 */
export async function keyedMove(
  actor: Actor,
  orderId: string,
  idempotency: Idempotency,
  decide: (ctx: OrderContext) => Promise<StepDone>,
): Promise<{ ctx: OrderContext; done: StepDone }> {
  const ctx = await orderContext(null, { userId: actor.userId, orderId, key: idempotency.key });
  const done = ctx.replay ? replayed(ctx.replay, idempotency) : await decide(ctx);
  return { ctx, done };
}

/**
 * Why `action` cannot be taken on the order as it is. An order refused because its time is
 * up is expired first (releasing a cash-out's hold), so it does not stay live until the
 * sweep comes by.
 */
async function refuse(order: OrderRow, action: OrderAction, overdue: boolean): Promise<never> {
  if (isLive(order.status) && overdue) {
    await expireIfDue(order.id);
    throw refusalFor(order.type, action, "EXPIRED");
  }
  throw refusalFor(order.type, action, order.status);
}

/**
 * Refuses at once when the order read is not in a state the move starts from: nothing is
 * built for a move that cannot happen (an unclaimed order has no agent to pay). The write's
 * guard still decides the race when the state changes after this read.
 */
export async function refuseUnlessFrom(
  order: OrderRow,
  from: readonly OrderStatus[],
  action: OrderAction,
): Promise<void> {
  if (!from.includes(order.status)) {
    await refuse(order, action, order.expiresAt <= new Date());
  }
}

/** The caller's agent record, refusing suspended agents with the operator's reason. */
export function activeAgentOf(ctx: OrderContext) {
  const agent = ctx.agent;
  if (!agent) throw new DomainError("FORBIDDEN", "notAnAgent");
  if (agent.status === "SUSPENDED") {
    throw new DomainError(
      "AGENT_SUSPENDED",
      agent.suspendedReason ? "shopSuspendedBecause" : "shopSuspended",
      { reason: agent.suspendedReason ?? "" },
    );
  }
  return agent;
}

/** An order this agent claimed; others are not found (their existence is not its business). */
export function agentsOrderOf(ctx: OrderContext, agentId: string): OrderRow {
  if (!ctx.order || ctx.order.agentId !== agentId) {
    throw new DomainError("NOT_FOUND", "orderNotForShop");
  }
  return ctx.order;
}

/** The customer's own order, or NOT_FOUND (never reveal that someone else's exists). */
export function ownOrderOf(ctx: Pick<OrderContext, "order">, actor: Actor): OrderRow {
  if (!ctx.order || ctx.order.customerId !== actor.userId) {
    throw new DomainError("NOT_FOUND", "orderNotFound");
  }
  return ctx.order;
}

/**
 * An order as its party sees it now, in one statement: an order found live past its time is
 * expired first (releasing a cash-out's hold) and read again, so no screen shows a code that
 * no longer works. `pick` applies the party's ownership rule.
 */
export async function readOrderNow(
  actor: Actor,
  orderId: string,
  pick: (ctx: OrderContext) => OrderRow,
): Promise<{ ctx: OrderContext; order: OrderRow }> {
  const ctx = await orderContext(null, { userId: actor.userId, orderId });
  const order = pick(ctx);
  if (!isLive(order.status) || order.expiresAt > new Date()) return { ctx, order };
  await expireIfDue(order.id);
  const fresh = await orderContext(null, { userId: actor.userId, orderId });
  return { ctx: fresh, order: pick(fresh) };
}
