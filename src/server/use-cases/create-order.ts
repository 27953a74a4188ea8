import { randomUUID } from "node:crypto";
import { DomainError, money } from "@/domain/errors";
import { checkLimits, tierLimits } from "@/domain/limits";
import { type OrderType, quote } from "@/domain/pricing";
import { createOrderContext, insertOrderChecked } from "../repositories/order-steps";
import { settingsVersion } from "../repositories/settings";
import { hashToken, newReference, newTypedCode, orderToken } from "../security/order-token";
import type { Actor } from "./actor";
import { keyOf, replayed } from "./order-step";
import { type CustomerOrderView, customerViewOf } from "./order-views";

export interface CreateOrderInput {
  type: OrderType;
  amount: bigint;
  currency: string;
  idempotencyKey: string;
}

const MAX_CODE_DRAWS = 8;
/** Reads before giving up when other orders of the same customer keep changing the limits. */
const MAX_READS = 4;

const view = (order: Parameters<typeof customerViewOf>[0]) =>
  customerViewOf(order, {
    agentShopName: null,
    balanceAfter: null,
    dispute: null,
    disputeRules: null,
  });

/**
 * The patent's "business request with the proxy-mode flag": prices the order with the
 * current settings, checks limits, reserves the money for a cash-out (hold on amount + fee)
 * and returns the customer's view of it, with the single-use token and typed code the phone shows.
 *
 * Read, decide, write: one read of the customer, wallet and usage; prices and limits decided
 * here by the domain; one statement (order_create) that re-checks the limits under the
 * customer's row lock, so creates of one customer take turns there and a burst gets exactly
 * the orders that fit. When the re-check fails, what was read is out of date: read again,
 * and the domain says which limit was hit.
 */
export async function createOrder(
  actor: Actor,
  input: CreateOrderInput,
): Promise<CustomerOrderView> {
  const { idempotencyKey, ...payload } = input;
  const idempotency = keyOf(idempotencyKey, "order.create", payload);
  for (let read = 1; read <= MAX_READS; read++) {
    const ctx = await createOrderContext(null, {
      userId: actor.userId,
      currency: input.currency,
      key: idempotencyKey,
    });
    if (ctx.replay) return view(replayed(ctx.replay, idempotency).order);
    if (!ctx.user) throw new DomainError("NOT_FOUND", "accountGone");
    if (ctx.user.status === "LOCKED") throw locked();
    const settings = await settingsVersion(null, ctx.settingsVersion);
    if (input.currency !== settings.currency) {
      throw new DomainError("INVALID_INPUT", "wrongCurrency", {
        expected: settings.currency,
        given: input.currency,
      });
    }
    const priced = quote(input.type, input.amount, settings);
    const wallet = ctx.wallet;
    if (!wallet)
      throw new DomainError("NOT_FOUND", "noWallet", {
        currency: input.currency,
      });
    checkLimits(settings, {
      type: input.type,
      amount: input.amount,
      currency: input.currency,
      kycTier: ctx.user.kycTier,
      usedToday: wallet.usedToday,
      projectedBalance: wallet.balance + wallet.pendingCashIn,
      walletDelta: priced.walletDelta,
    });
    const needed = -priced.walletDelta;
    if (input.type === "CASH_OUT" && wallet.balance - wallet.onHold < needed) {
      throw new DomainError("INSUFFICIENT_BALANCE", "cashOutShort", {
        available: money(wallet.balance - wallet.onHold, input.currency),
        needed: money(needed, input.currency),
      });
    }
    const limits = tierLimits(settings, ctx.user.kycTier);
    const id = randomUUID();
    const r = await insertOrderChecked(null, {
      id,
      reference: newReference(),
      type: input.type,
      customerId: actor.userId,
      currency: input.currency,
      amount: priced.amount,
      fee: priced.fee,
      tokenHash: hashToken(orderToken(id)),
      codes: Array.from({ length: MAX_CODE_DRAWS }, newTypedCode),
      settingsVersion: ctx.settingsVersion,
      ttlSeconds: settings.orderTtlSeconds,
      kycTier: ctx.user.kycTier,
      perDay: limits.perDay,
      maxBalance: input.type === "CASH_IN" ? limits.maxBalance : null,
      walletDelta: priced.walletDelta,
      hold: input.type === "CASH_OUT" ? needed : null,
      ip: actor.ip,
      idempotency,
    });
    switch (r.outcome) {
      case "done":
        return view(r.order);
      case "replay":
        return view(replayed(r, idempotency).order);
      case "gone":
        throw new DomainError("NOT_FOUND", "accountGone");
      case "locked":
        throw locked();
      case "short":
        // Another movement (a reversal, an operator's correction) took the money meanwhile.
        throw new DomainError("INSUFFICIENT_BALANCE", "balanceNotEnough");
      case "no_code":
        throw new Error("could not draw a free typed code");
      case "stale":
        continue;
    }
  }
  throw new DomainError("CONFLICT", "walletChanged");
}

function locked(): DomainError {
  return new DomainError("ACCOUNT_LOCKED", "accountLocked");
}
