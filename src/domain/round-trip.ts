import { planOrder } from "./commission-plan";
import { applyBps, clamp } from "./money";
import { commissionFor, quote } from "./pricing";
import type { Settings } from "./settings";

// A round trip is a cash-in of some amount followed by a cash-out of the same amount: the
// customer ends with the cash they started with, and the customer and the agent(s) together
// are up by  commission(cash-in) - fee(cash-in) - fee(cash-out) + agent's share(cash-out).
// If that is ever positive, a customer and an agent who collude can cycle money and be paid
// by the platform. Two agents on different plans can split the legs, so the best cash-in
// commission and the best cash-out share over all plans are what count.
//
// Every term is monotone in the amount (applyBps and clamp are; the platform's part of a fee,
// fee - floor(fee * share / 10000), never falls as the fee grows because share <= 10000), so
// on an interval [lo, hi] the gain is at most
//   max commission at lo or hi - min cash-in fee at lo or hi - min platform part at lo or hi.
// Branch and bound splits intervals until that bound is <= the threshold, and evaluates
// short intervals amount by amount with quote() and commissionFor(), the real pricing.

/** The amounts a customer could carry round: some tier allows them. */
type Interval = readonly [lo: bigint, hi: bigint];

export interface RoundTripWitness {
  amount: bigint;
  /** The plan whose agent takes the cash-in (the best-paid cash-in commission). */
  cashInPlan: string;
  /** The plan whose agent takes the cash-out (the largest share of the fee). */
  cashOutPlan: string;
  /** What the customer and the agent(s) gain together; positive = the platform loses. */
  gain: bigint;
}

export type RoundTripCheck =
  | { verdict: "safe"; evaluations: number }
  | { verdict: "farmable"; witness: RoundTripWitness; evaluations: number }
  /** The work cap ran out before every amount was settled: refuse, ask for a margin. */
  | { verdict: "undecided"; evaluations: number };

export const ROUND_TRIP_BUDGET = 200_000;
/** Intervals this short are evaluated amount by amount. */
const EXACT_SPAN = 32n;

/** Is there an amount whose round trip gains the customer and agent(s) money? */
export function checkRoundTrips(
  settings: Settings,
  budget: number = ROUND_TRIP_BUDGET,
): RoundTripCheck {
  const result = search(settings, budget, "first-positive");
  if (result.exhausted) return { verdict: "undecided", evaluations: result.evaluations };
  if (result.best && result.best.gain > 0n) {
    return { verdict: "farmable", witness: result.best, evaluations: result.evaluations };
  }
  return { verdict: "safe", evaluations: result.evaluations };
}

/**
 * The best round trip for the customer and agent(s) over every allowed amount (the most the
 * platform can lose, or the least it keeps, on one), or null when no amount can go round.
 * `exact` is false when the work cap ran out: `witness` is then only the best one seen.
 */
export function worstRoundTrip(
  settings: Settings,
  budget: number = ROUND_TRIP_BUDGET,
): { witness: RoundTripWitness | null; exact: boolean; evaluations: number } {
  const result = search(settings, budget, "maximum");
  return { witness: result.best, exact: !result.exhausted, evaluations: result.evaluations };
}

/** The amounts some tier allows, merged into disjoint intervals (amounts > 0). */
export function allowedAmounts(settings: Settings): Interval[] {
  const ranges = Object.values(settings.tiers)
    .filter((t) => t !== undefined)
    .map((t): Interval => [t.perOrderMin > 1n ? t.perOrderMin : 1n, t.perOrderMax])
    .filter(([lo, hi]) => lo <= hi)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const merged: [bigint, bigint][] = [];
  for (const [lo, hi] of ranges) {
    const last = merged.at(-1);
    if (last && lo <= last[1] + 1n) {
      if (hi > last[1]) last[1] = hi;
    } else merged.push([lo, hi]);
  }
  return merged;
}

function search(settings: Settings, budget: number, mode: "first-positive" | "maximum") {
  const plans = Object.entries(settings.commissionPlans).sort(([a], [b]) => planOrder(a, b));
  let evaluations = 0;
  let best = null as RoundTripWitness | null; // (assigned in closures: no narrowing to null)

  const cashInFee = (amount: bigint) => {
    const rule = settings.cashIn.fee;
    return clamp(applyBps(amount, rule.bps), rule.min, rule.max);
  };
  const cashOutFee = (amount: bigint) => quote("CASH_OUT", amount, settings).fee;
  // Upper bound of the gain over [lo, hi] from the monotone terms at both ends.
  const bound = (lo: bigint, hi: bigint): bigint => {
    let commission: bigint | null = null;
    let platformPart: bigint | null = null;
    const feeOut = [cashOutFee(lo), cashOutFee(hi)];
    for (const [, plan] of plans) {
      for (const amount of [lo, hi]) {
        const c = commissionFor("CASH_IN", { amount, fee: 0n }, plan);
        if (commission === null || c > commission) commission = c;
      }
      for (const fee of feeOut) {
        const part = fee - commissionFor("CASH_OUT", { amount: lo, fee }, plan);
        if (platformPart === null || part < platformPart) platformPart = part;
      }
    }
    let feeIn = cashInFee(lo);
    const feeInAtHi = cashInFee(hi);
    if (feeInAtHi < feeIn) feeIn = feeInAtHi; // falls only if its minimum is above its maximum
    return (commission ?? 0n) - feeIn - (platformPart ?? 0n);
  };
  // The exact gain at one amount, with the pricing the platform really applies.
  const exact = (amount: bigint): RoundTripWitness | null => {
    let cashIn: ReturnType<typeof quote>;
    try {
      cashIn = quote("CASH_IN", amount, settings);
    } catch {
      return null; // the cash-in fee would eat the amount: this amount cannot go round
    }
    const cashOut = quote("CASH_OUT", amount, settings);
    // The cash-out agent's plan first: one agent on it takes both legs when its commission
    // is as good as any, which is the simpler story to tell the operator.
    let outPlan = plans[0]!;
    let share = commissionFor("CASH_OUT", cashOut, outPlan[1]);
    for (const plan of plans.slice(1)) {
      const s = commissionFor("CASH_OUT", cashOut, plan[1]);
      if (s > share) [outPlan, share] = [plan, s];
    }
    let inPlan = outPlan;
    let commission = commissionFor("CASH_IN", cashIn, inPlan[1]);
    for (const plan of plans) {
      const c = commissionFor("CASH_IN", cashIn, plan[1]);
      if (c > commission) [inPlan, commission] = [plan, c];
    }
    return {
      amount,
      cashInPlan: inPlan[0],
      cashOutPlan: outPlan[0],
      gain: commission - cashIn.fee - cashOut.fee + share,
    };
  };

  const evaluateAll = (lo: bigint, hi: bigint) => {
    for (let amount = lo; amount <= hi; amount += 1n) {
      evaluations += 1;
      const w = exact(amount);
      if (w && (best === null || w.gain > best.gain)) best = w;
    }
  };

  if (mode === "first-positive") {
    // Depth first, low amounts first, so a witness is a small amount when there are several.
    const stack: Interval[] = allowedAmounts(settings).reverse();
    while (stack.length > 0) {
      if (evaluations >= budget) return { best, evaluations, exhausted: true };
      const [lo, hi] = stack.pop()!;
      evaluations += 1;
      if (bound(lo, hi) <= 0n) continue;
      if (hi - lo < EXACT_SPAN) {
        evaluateAll(lo, hi);
        if (best && best.gain > 0n) return { best, evaluations, exhausted: false };
        continue;
      }
      const mid = lo + (hi - lo) / 2n;
      stack.push([mid + 1n, hi], [lo, mid]);
    }
    return { best, evaluations, exhausted: false };
  }

  // Maximum: best first (the interval with the highest bound next), so the best amount is
  // found early and most intervals are pruned against it.
  const queue = new MaxHeap();
  for (const [lo, hi] of allowedAmounts(settings)) {
    evaluations += 1;
    queue.push({ lo, hi, bound: bound(lo, hi) });
  }
  for (let next = queue.pop(); next; next = queue.pop()) {
    if (best && next.bound <= best.gain) break; // nothing left can beat it
    if (evaluations >= budget) return { best, evaluations, exhausted: true };
    if (next.hi - next.lo < EXACT_SPAN) {
      evaluateAll(next.lo, next.hi);
      continue;
    }
    const mid = next.lo + (next.hi - next.lo) / 2n;
    for (const [lo, hi] of [
      [next.lo, mid],
      [mid + 1n, next.hi],
    ] as const) {
      evaluations += 1;
      queue.push({ lo, hi, bound: bound(lo, hi) });
    }
  }
  return { best, evaluations, exhausted: false };
}

interface Candidate {
  lo: bigint;
  hi: bigint;
  bound: bigint;
}

/** A binary heap of intervals by their bound, highest first. */
class MaxHeap {
  private readonly items: Candidate[] = [];

  push(item: Candidate) {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent]!.bound >= items[i]!.bound) break;
      [items[parent], items[i]] = [items[i]!, items[parent]!];
      i = parent;
    }
  }

  pop(): Candidate | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let largest = i;
        if (left < items.length && items[left]!.bound > items[largest]!.bound) largest = left;
        if (right < items.length && items[right]!.bound > items[largest]!.bound) largest = right;
        if (largest === i) break;
        [items[largest], items[i]] = [items[i]!, items[largest]!];
        i = largest;
      }
    }
    return top;
  }
}
