import { type OrderStatus, UNEXECUTED_STATUSES } from "./order-state";
import type { OrderType } from "./pricing";

/**
 * What a person at the counter should do with cash right now, by order type, state and
 * side. Both screens word their instructions from this, and the model-based test moves the
 * physical cash by it, so "the screen told them to hand over the cash" is one rule, not two.
 *
 * The rule behind it: a person is told to hand over cash only once the order can no longer
 * be taken back by the other side's moves (cancel, reject, decline, expiry). A cash-out is
 * executed by the customer's approval, so the tablet says "hand over" only when COMPLETED.
 * A cash-in cannot be made safe the same way (the agent must count the cash before
 * crediting it), so the customer hands the cash to a named, accountable shop that has
 * scanned the order, and a shop that keeps it without confirming meets a dispute.
 */
export type CashStep =
  /** Nothing to hand over yet: show the code, wait for the scan or the approval. */
  | "WAIT"
  /** Customer, cash-in claimed: give the shop the amount. */
  | "HAND_CASH"
  /** Agent, cash-in claimed: take and count the cash, then confirm. */
  | "TAKE_CASH_THEN_CONFIRM"
  /** Customer, cash-out claimed: check the shop's name, approve with the PIN, or reject. */
  | "APPROVE_OR_REJECT"
  /** Agent, cash-out completed: the float is credited, count out and hand over the cash. */
  | "PAY_OUT"
  /** Customer, cash-out completed: collect the cash. */
  | "COLLECT_CASH"
  /** Agent, cash-in closed without completing after the scan: return any cash taken. */
  | "RETURN_CASH"
  /** Customer, cash-in closed without completing after the scan: take back any cash given. */
  | "TAKE_BACK_CASH"
  /** Nothing more to do at the counter. */
  | "DONE";

export type Side = "CUSTOMER" | "AGENT";

export function cashStep(
  order: { type: OrderType; status: OrderStatus; claimed: boolean },
  side: Side,
): CashStep {
  const { type, status, claimed } = order;
  if (type === "CASH_IN") {
    if (status === "CLAIMED") return side === "CUSTOMER" ? "HAND_CASH" : "TAKE_CASH_THEN_CONFIRM";
    if (claimed && UNEXECUTED_STATUSES.includes(status)) {
      return side === "CUSTOMER" ? "TAKE_BACK_CASH" : "RETURN_CASH";
    }
    return status === "PENDING" ? "WAIT" : "DONE";
  }
  if (status === "CLAIMED") return side === "CUSTOMER" ? "APPROVE_OR_REJECT" : "WAIT";
  if (status === "COMPLETED") return side === "CUSTOMER" ? "COLLECT_CASH" : "PAY_OUT";
  return status === "PENDING" ? "WAIT" : "DONE";
}
