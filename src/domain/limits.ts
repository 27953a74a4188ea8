import { DomainError, money as moneyParam } from "./errors";

import type { OrderType } from "./pricing";
import type { Settings } from "./settings";

export interface LimitContext {
  type: OrderType;
  amount: bigint;
  currency: string;
  kycTier: number;
  /** Sum of the customer's non-failed orders in the last 24 hours, this one excluded. */
  usedToday: bigint;
  /** Wallet balance now plus pending cash-ins that would still land in it. */
  projectedBalance: bigint;
  /** What this order moves the wallet by (see Quote.walletDelta). */
  walletDelta: bigint;
}

export function tierLimits(settings: Settings, kycTier: number) {
  const key = String(kycTier) as "1" | "2" | "3";
  const limits = settings.tiers[key] ?? settings.tiers["1"];
  if (!limits) throw new Error("settings have no tier 1 limits");
  return limits;
}

/** Throws LIMIT_EXCEEDED with the limit that was hit, in the customer's currency. */
export function checkLimits(settings: Settings, ctx: LimitContext): void {
  const limits = tierLimits(settings, ctx.kycTier);
  const money = (v: bigint) => moneyParam(v, ctx.currency);
  if (ctx.amount < limits.perOrderMin) {
    throw new DomainError("LIMIT_EXCEEDED", "smallestAmount", {
      amount: money(limits.perOrderMin),
    });
  }
  if (ctx.amount > limits.perOrderMax) {
    throw new DomainError("LIMIT_EXCEEDED", "largestAmount", { amount: money(limits.perOrderMax) });
  }
  if (ctx.usedToday + ctx.amount > limits.perDay) {
    const left = limits.perDay - ctx.usedToday;
    throw new DomainError("LIMIT_EXCEEDED", "dailyLimit", {
      limit: money(limits.perDay),
      left: money(left > 0n ? left : 0n),
    });
  }
  if (ctx.type === "CASH_IN" && ctx.projectedBalance + ctx.walletDelta > limits.maxBalance) {
    throw new DomainError("LIMIT_EXCEEDED", "maxBalance", { amount: money(limits.maxBalance) });
  }
}
