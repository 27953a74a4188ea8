import { DomainError } from "./errors";
import { type OrderStatus, UNEXECUTED_STATUSES } from "./order-state";
import type { OrderType } from "./pricing";

export type DisputeStatus = "OPEN" | "UPHOLD_REQUESTED" | "UPHELD" | "REJECTED";
/** Who opens a dispute: the order's customer, or the shop that served it. */
export type DisputeParty = "CUSTOMER" | "SHOP";

export const DISPUTE_KINDS = [
  "CASH_NOT_CREDITED",
  "CASH_NOT_RECEIVED",
  "WRONG_AMOUNT",
  "OVERCHARGED",
] as const;
export type DisputeKind = (typeof DISPUTE_KINDS)[number];

/** The disputes settings group's defaults (settings versions saved before it read these). */
export const DISPUTE_DEFAULTS = { windowHours: 24, monthlyCap: 3 } as const;

/** The rolling period the monthly cap counts over. */
export const CAP_PERIOD_DAYS = 30;

export interface DisputeRules {
  /** How long after the order ended a party may still report a problem. */
  windowHours: number;
  /** How many disputes one opener may open in CAP_PERIOD_DAYS. */
  monthlyCap: number;
}

/**
 * One line per dispute a party may open: about which order type in which state, whose
 * account is held while it is open (the side that has the value now), and what upholding
 * does. Every other combination is refused: a "sent by mistake" claim has no line, so value
 * the other party already handed over cannot be pulled back through a dispute.
 *
 * - A customer's cash-in the shop scanned but never completed: the shop kept the cash and
 *   the wallet got nothing. Upholding credits the wallet from the float (no commission).
 * - A customer's completed cash-out: no cash, too little cash, or a charge above the fee the
 *   phone showed. The float has the value; upholding reverses the order.
 * - A shop's completed cash-in: the customer's cash was fake or short. The wallet has the
 *   value; upholding reverses the order.
 */
export const DISPUTE_RULES: readonly {
  party: DisputeParty;
  kind: DisputeKind;
  type: OrderType;
  statuses: readonly OrderStatus[];
  held: "FLOAT" | "WALLET";
  remedy: "credit" | "reverse";
}[] = [
  {
    party: "CUSTOMER",
    kind: "CASH_NOT_CREDITED",
    type: "CASH_IN",
    statuses: UNEXECUTED_STATUSES,
    held: "FLOAT",
    remedy: "credit",
  },
  {
    party: "CUSTOMER",
    kind: "CASH_NOT_RECEIVED",
    type: "CASH_OUT",
    statuses: ["COMPLETED"],
    held: "FLOAT",
    remedy: "reverse",
  },
  {
    party: "CUSTOMER",
    kind: "WRONG_AMOUNT",
    type: "CASH_OUT",
    statuses: ["COMPLETED"],
    held: "FLOAT",
    remedy: "reverse",
  },
  {
    party: "CUSTOMER",
    kind: "OVERCHARGED",
    type: "CASH_OUT",
    statuses: ["COMPLETED"],
    held: "FLOAT",
    remedy: "reverse",
  },
  {
    party: "SHOP",
    kind: "CASH_NOT_RECEIVED",
    type: "CASH_IN",
    statuses: ["COMPLETED"],
    held: "WALLET",
    remedy: "reverse",
  },
  {
    party: "SHOP",
    kind: "WRONG_AMOUNT",
    type: "CASH_IN",
    statuses: ["COMPLETED"],
    held: "WALLET",
    remedy: "reverse",
  },
];

export type DisputeRule = (typeof DISPUTE_RULES)[number];

export function isOpenDispute(status: DisputeStatus): boolean {
  return status === "OPEN" || status === "UPHOLD_REQUESTED";
}

export interface DisputableOrder {
  type: OrderType;
  status: OrderStatus;
  /** A shop scanned it: only then could cash have crossed the counter. */
  claimed: boolean;
  /** When it completed or closed. */
  endedAt: Date | null;
}

function rulesFor(order: DisputableOrder, party: DisputeParty): DisputeRule[] {
  if (!order.claimed || !order.endedAt) return [];
  return DISPUTE_RULES.filter(
    (r) => r.party === party && r.type === order.type && r.statuses.includes(order.status),
  );
}

function withinWindow(endedAt: Date, now: Date, windowHours: number): boolean {
  return now.getTime() - endedAt.getTime() <= windowHours * 3_600_000;
}

/** The reasons `party`'s screen offers for this order now (empty: nothing to report). */
export function reportableReasons(
  order: DisputableOrder,
  party: DisputeParty,
  now: Date,
  windowHours: number,
): DisputeKind[] {
  if (!order.endedAt || !withinWindow(order.endedAt, now, windowHours)) return [];
  return rulesFor(order, party).map((r) => r.kind);
}

/** The rule a dispute opens under, or why it may not be opened. */
export function requireDisputable(
  order: DisputableOrder,
  party: DisputeParty,
  kind: DisputeKind,
  now: Date,
  windowHours: number,
): DisputeRule {
  const rules = rulesFor(order, party);
  if (rules.length === 0 || !order.endedAt) {
    throw new DomainError("CONFLICT", "nothingToReport");
  }
  const rule = rules.find((r) => r.kind === kind);
  if (!rule) throw new DomainError("CONFLICT", "disputeReasonNotHere");
  if (!withinWindow(order.endedAt, now, windowHours)) {
    throw new DomainError("CONFLICT", "disputeWindow", { hours: windowHours });
  }
  return rule;
}

/** The rule an opened dispute was opened under (its remedy and where its hold is). */
export function ruleOf(party: DisputeParty, kind: DisputeKind, type: OrderType): DisputeRule {
  const rule = DISPUTE_RULES.find((r) => r.party === party && r.kind === kind && r.type === type);
  if (!rule) throw new Error(`no dispute rule for ${party} ${kind} on ${type}`);
  return rule;
}

/** Refuses one more dispute from an opener who has opened `count` in the period. */
export function requireUnderCap(count: number, cap: number): void {
  if (count >= cap) {
    throw new DomainError("LIMIT_EXCEEDED", "disputeCap", { cap, days: CAP_PERIOD_DAYS });
  }
}
