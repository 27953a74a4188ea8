import { DomainError } from "./errors";
import { applyBps, clamp } from "./money";
import type { Settings } from "./settings";

export type OrderType = "CASH_IN" | "CASH_OUT";

export interface Quote {
  amount: bigint;
  /** Charged to the customer on top of (cash-out) or out of (cash-in) the amount. */
  fee: bigint;
  /** Earned by the agent when the order completes. */
  commission: bigint;
  /** What the customer's wallet moves by: +credit for cash-in, -debit for cash-out. */
  walletDelta: bigint;
}

/**
 * Prices an order. Cash-in: the customer hands `amount` in cash and the wallet receives
 * amount - fee; the platform pays the agent a commission. Cash-out: the customer receives
 * `amount` in cash and the wallet pays amount + fee; the agent earns a share of that fee.
 */
export function quote(type: OrderType, amount: bigint, settings: Settings): Quote {
  if (amount <= 0n) throw new DomainError("INVALID_INPUT", "The amount must be more than zero");
  if (type === "CASH_IN") {
    const { fee: feeRule, commission: commissionRule } = settings.cashIn;
    const fee = clamp(applyBps(amount, feeRule.bps), feeRule.min, feeRule.max);
    if (fee >= amount) {
      throw new DomainError("LIMIT_EXCEEDED", "The amount is too small to cover the fee");
    }
    const commission = clamp(
      applyBps(amount, commissionRule.bps),
      commissionRule.min,
      commissionRule.max,
    );
    return { amount, fee, commission, walletDelta: amount - fee };
  }
  const feeRule = settings.cashOut.fee;
  const fee = clamp(applyBps(amount, feeRule.bps), feeRule.min, feeRule.max);
  // The agent's share can never exceed the fee itself: bps <= 10000 and rounding down.
  const commission = (fee * BigInt(settings.cashOut.agentShareBps)) / 10_000n;
  return { amount, fee, commission, walletDelta: -(amount + fee) };
}
