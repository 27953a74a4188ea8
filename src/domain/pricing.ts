import { DomainError } from "./errors";
import { applyBps, clamp } from "./money";
import type { CommissionPlan, Settings } from "./settings";

export type OrderType = "CASH_IN" | "CASH_OUT";

export interface Quote {
  amount: bigint;
  /** Charged to the customer on top of (cash-out) or out of (cash-in) the amount. */
  fee: bigint;
  /** What the customer's wallet moves by: +credit for cash-in, -debit for cash-out. */
  walletDelta: bigint;
}

/**
 * Prices an order for the customer. Cash-in: the customer hands `amount` in cash and the
 * wallet receives amount - fee. Cash-out: the customer receives `amount` in cash and the
 * wallet pays amount + fee. What the agent earns depends on who serves it: commissionFor.
 */
export function quote(type: OrderType, amount: bigint, settings: Settings): Quote {
  if (amount <= 0n) throw new DomainError("INVALID_INPUT", "amountPositive");
  if (type === "CASH_IN") {
    const feeRule = settings.cashIn.fee;
    const fee = clamp(applyBps(amount, feeRule.bps), feeRule.min, feeRule.max);
    if (fee >= amount) {
      throw new DomainError("LIMIT_EXCEEDED", "amountTooSmallForFee");
    }
    return { amount, fee, walletDelta: amount - fee };
  }
  const feeRule = settings.cashOut.fee;
  const fee = clamp(applyBps(amount, feeRule.bps), feeRule.min, feeRule.max);
  return { amount, fee, walletDelta: -(amount + fee) };
}

/**
 * What the agent who serves the order earns on the given plan: on a cash-in, the plan's
 * rate on the amount within its bounds (paid by the platform); on a cash-out, the plan's
 * share of the customer's fee.
 */
export function commissionFor(
  type: OrderType,
  priced: { amount: bigint; fee: bigint },
  plan: CommissionPlan,
): bigint {
  if (type === "CASH_IN") {
    const rule = plan.cashIn;
    return clamp(applyBps(priced.amount, rule.bps), rule.min, rule.max);
  }
  // The agent's share can never exceed the fee itself: bps <= 10000 and rounding down.
  return (priced.fee * BigInt(plan.cashOutShareBps)) / 10_000n;
}
