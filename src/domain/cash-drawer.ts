import { CASH_SERIES } from "./cash-breakdown";
import type { CurrencyCode } from "./money";

// The shop's cash drawer: the shop's own record of its cash, kept apart from the ledger
// (docs/decisions.md, "Cash drawer"). Everything here is exact integer arithmetic on minor
// units; cash on hand is always derived, never a stored running balance.

export const DRAWER_MOVE_KINDS = [
  "BANK_DEPOSIT",
  "CASH_DELIVERED",
  "OWNER_TOOK",
  "OWNER_ADDED",
] as const;
export type DrawerMoveKind = (typeof DRAWER_MOVE_KINDS)[number];

/** Moves of the owner's own money in and out of the drawer: the shop's owner alone records them. */
export const OWNER_ONLY_MOVES: readonly DrawerMoveKind[] = ["OWNER_TOOK", "OWNER_ADDED"];

/**
 * The drawer's side of a move: a bank deposit and what the owner takes leave the drawer, cash
 * delivered and what the owner adds enter it. People type a positive amount; the kind signs it
 * (the table's CHECK holds the same rule).
 */
export function signedMoveAmount(kind: DrawerMoveKind, amount: bigint): bigint {
  if (amount <= 0n) throw new RangeError("a move's amount is positive");
  return kind === "BANK_DEPOSIT" || kind === "OWNER_TOOK" ? -amount : amount;
}

/**
 * What a completed order did to the drawer: the customer handed over the cash-in's amount,
 * or the agent handed over the cash-out's amount. The fee moves e-money only.
 */
export function orderCashDelta(type: "CASH_IN" | "CASH_OUT", amount: bigint): bigint {
  return type === "CASH_IN" ? amount : -amount;
}

/** A count by notes and coins: face value (minor units) and how many. */
export interface CountedPiece {
  value: bigint;
  count: number;
}

/**
 * The total of a count by notes and coins, or null when a piece is not a note or coin of the
 * currency, a count is not a whole number from 0, or a denomination is listed twice (a count
 * that cannot be what lies in the drawer).
 */
export function countedTotal(
  pieces: readonly CountedPiece[],
  currency: CurrencyCode,
): bigint | null {
  const known = new Set<bigint>(CASH_SERIES[currency].denominations.map((d) => d.value));
  const seen = new Set<bigint>();
  let total = 0n;
  for (const p of pieces) {
    if (!known.has(p.value) || seen.has(p.value)) return null;
    if (!Number.isSafeInteger(p.count) || p.count < 0) return null;
    seen.add(p.value);
    total += p.value * BigInt(p.count);
  }
  return total;
}

/**
 * Cash on hand: the opening count, plus the cash-ins and minus the cash-outs completed since
 * the opening, plus the moves (already signed). Orders reversed later still count: a reversal
 * corrects e-money, no cash moves back across the counter.
 */
export function cashOnHand(d: {
  openingCount: bigint;
  cashIn: bigint;
  cashOut: bigint;
  moves: bigint;
}): bigint {
  return d.openingCount + d.cashIn - d.cashOut + d.moves;
}

/** The count against what was expected: positive means more cash than the record says. */
export function variance(counted: bigint, expected: bigint): bigint {
  return counted - expected;
}

/** One line of the logbook, before the running totals are added. */
export type LogbookEvent =
  | { what: "OPEN"; at: Date; dayId: string; amount: bigint }
  | { what: "CLOSE"; at: Date; dayId: string; counted: bigint; expected: bigint }
  | { what: "MOVE"; at: Date; dayId: string; move: DrawerMoveKind; amount: bigint }
  | {
      what: "ORDER";
      at: Date;
      dayId: string | null;
      orderType: "CASH_IN" | "CASH_OUT";
      amount: bigint;
      reference: string;
      /** The float account's balance after the order's posting. */
      balanceAfter: bigint;
    }
  | { what: "FLOAT"; at: Date; dayId: string | null; entryKind: string; balanceAfter: bigint };

export type LogbookLine = LogbookEvent & {
  /** Cash in the drawer after this line; null outside an open day (no count to start from). */
  cashAfter: bigint | null;
  /** The float after this line; null before the first float movement of the window. */
  floatAfter: bigint | null;
};

/**
 * The shop's logbook, oldest first: each line with cash and float after it. Cash runs from
 * each day's opening count; a closed day's line shows the count, and lines between days have
 * no cash figure (the drawer was not being kept). Float is carried from the last posting.
 * `floatBefore` is the float before the first event (null if unknown).
 */
export function logbook(
  events: readonly LogbookEvent[],
  floatBefore: bigint | null,
): LogbookLine[] {
  const ordered = [...events].sort((a, b) => a.at.getTime() - b.at.getTime() || rank(a) - rank(b));
  let cash: bigint | null = null;
  let float = floatBefore;
  const lines: LogbookLine[] = [];
  for (const e of ordered) {
    if (e.what === "OPEN") cash = e.amount;
    else if (e.what === "MOVE") cash = cash === null ? null : cash + e.amount;
    else if (e.what === "ORDER") {
      cash =
        cash === null || e.dayId === null ? cash : cash + orderCashDelta(e.orderType, e.amount);
      float = e.balanceAfter;
    } else if (e.what === "FLOAT") float = e.balanceAfter;
    const line: LogbookLine = {
      ...e,
      cashAfter: e.what === "CLOSE" ? e.counted : cash,
      floatAfter: float,
    };
    lines.push(line);
    if (e.what === "CLOSE") cash = null;
  }
  return lines;
}

/** At the same instant, an opening comes first and a close last. */
function rank(e: LogbookEvent): number {
  return e.what === "OPEN" ? 0 : e.what === "CLOSE" ? 2 : 1;
}

const MINUTE_MS = 60_000n;
/** Less trade than this says nothing about a pace. */
export const MIN_TRADE_MS = 30n * MINUTE_MS;

/**
 * When a balance reaches zero at the pace it has fallen since `since`: the net outflow over
 * the elapsed time, carried forward from now. Null when there is no net outflow, less than 30
 * minutes of trade, nothing left already, or the moment falls after `endOfDay` (a projection
 * into tomorrow says nothing about today's float). Milliseconds as bigint: exact, the result
 * rounded down to the minute (never later than the arithmetic says).
 */
export function runsOutAt(p: {
  now: Date;
  since: Date;
  balanceThen: bigint;
  balanceNow: bigint;
  endOfDay: Date;
}): Date | null {
  const now = BigInt(p.now.getTime());
  const elapsed = now - BigInt(p.since.getTime());
  const outflow = p.balanceThen - p.balanceNow;
  if (elapsed < MIN_TRADE_MS || outflow <= 0n || p.balanceNow <= 0n) return null;
  // balanceNow / (outflow / elapsed), in whole milliseconds, rounded down.
  const left = (p.balanceNow * elapsed) / outflow;
  const at = ((now + left) / MINUTE_MS) * MINUTE_MS;
  if (at > BigInt(p.endOfDay.getTime())) return null;
  return new Date(Number(at));
}

/** Whether a balance is below its alert threshold. */
export function isLow(balance: bigint, threshold: bigint): boolean {
  return balance < threshold;
}
