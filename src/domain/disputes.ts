import { DomainError } from "./errors";
import { type OrderStatus, UNEXECUTED_STATUSES } from "./order-state";
import type { OrderType } from "./pricing";

export type DisputeKind = "CASH_NOT_CREDITED" | "CASH_NOT_RECEIVED";
export type DisputeStatus = "OPEN" | "UPHOLD_REQUESTED" | "UPHELD" | "REJECTED";

/** How long after the order closed a customer may still report a problem at the counter. */
export const DISPUTE_WINDOW_HOURS = 24;

export const DISPUTE_KIND_LABEL: Record<DisputeKind, string> = {
  CASH_NOT_CREDITED: "Handed over cash, wallet not credited",
  CASH_NOT_RECEIVED: "Approved a cash-out, cash not received",
};

export function isOpenDispute(status: DisputeStatus): boolean {
  return status === "OPEN" || status === "UPHOLD_REQUESTED";
}

interface DisputableOrder {
  type: OrderType;
  status: OrderStatus;
  /** An agent scanned it: only then could cash have crossed the counter. */
  claimed: boolean;
  /** When it completed or closed. */
  endedAt: Date | null;
}

/**
 * Which problem a customer can report about an order, if any. The two cases are the two
 * ways cash can cross the counter without the order giving its value: a cash-in the shop
 * scanned (so the customer was told to hand the cash) that never completed, and a cash-out
 * the customer approved (so the shop was paid) whose cash the customer never got.
 */
function kindOf(order: DisputableOrder): DisputeKind | null {
  if (!order.claimed || !order.endedAt) return null;
  if (order.type === "CASH_IN" && UNEXECUTED_STATUSES.includes(order.status)) {
    return "CASH_NOT_CREDITED";
  }
  if (order.type === "CASH_OUT" && order.status === "COMPLETED") return "CASH_NOT_RECEIVED";
  return null;
}

function withinWindow(endedAt: Date, now: Date): boolean {
  return now.getTime() - endedAt.getTime() <= DISPUTE_WINDOW_HOURS * 3_600_000;
}

/** The problem the customer's screen offers to report now, or null. */
export function disputableAs(order: DisputableOrder, now: Date): DisputeKind | null {
  const kind = kindOf(order);
  return kind && order.endedAt && withinWindow(order.endedAt, now) ? kind : null;
}

/** Like disputableAs, but says why not. */
export function requireDisputable(order: DisputableOrder, now: Date): DisputeKind {
  const kind = kindOf(order);
  if (!kind || !order.endedAt) {
    throw new DomainError("CONFLICT", "nothingToReport");
  }
  if (!withinWindow(order.endedAt, now)) {
    throw new DomainError("CONFLICT", "disputeWindow", { hours: DISPUTE_WINDOW_HOURS });
  }
  return kind;
}
