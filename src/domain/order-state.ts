import { DomainError } from "./errors";
import type { OrderType } from "./pricing";

export type OrderStatus =
  | "PENDING"
  | "CLAIMED"
  | "APPROVED"
  | "COMPLETED"
  | "CANCELLED"
  | "EXPIRED"
  | "DECLINED"
  | "REVERSED";

export type OrderAction =
  | "claim"
  | "approve"
  | "reject"
  | "confirm"
  | "cancel"
  | "expire"
  | "decline"
  | "creditDisputed"
  | "reverseDisputed"
  | "reverse";

/**
 * Orders that can still change hands. APPROVED is history only: cash-outs approved before
 * the approval itself executed the order (see docs/decisions.md) were left in it.
 */
export const LIVE_STATUSES: readonly OrderStatus[] = ["PENDING", "CLAIMED"];

export function isLive(status: OrderStatus): boolean {
  return LIVE_STATUSES.includes(status);
}

/**
 * How far along the lifecycle a status is. Screens get copies of an order by two roads (a
 * mutation's answer and the live stream), so an older copy may arrive after a newer one:
 * comparing progress keeps a screen from stepping back, e.g. from a receipt to "waiting".
 * Every ending is as far as an order goes, except that a reversal comes after completion.
 */
export function progressOf(status: OrderStatus): number {
  switch (status) {
    case "PENDING":
      return 0;
    case "CLAIMED":
      return 1;
    case "APPROVED":
      return 2;
    case "REVERSED":
      return 4;
    default:
      return 3;
  }
}

interface Transition {
  from: readonly OrderStatus[];
  to: OrderStatus;
}

/** Closed without executing: what an order the agent scanned ends in if nobody completes it. */
export const UNEXECUTED_STATUSES: readonly OrderStatus[] = ["CANCELLED", "EXPIRED", "DECLINED"];

/**
 * The product design's lifecycle (../shared/DESIGN.md section 3, outside this repository),
 * as changed by "money at the counter" (docs/decisions.md): the move after which a person is
 * told to hand over cash is the one that executes the order, so no later move of the other
 * party can take the value back.
 * - Cash-in: the customer hands the cash once the agent has scanned (CLAIMED); the agent's
 *   confirm executes. An agent who keeps the cash and declines faces a dispute.
 * - Cash-out: the customer's approval (with their PIN) executes, CLAIMED -> COMPLETED; only
 *   then does the tablet say "hand over the cash". Cancel and expiry cannot follow it.
 * The repository turns each transition into a guarded UPDATE (`WHERE id = $1 AND status =
 * ANY(from)`), so a race can only ever let one caller through; this table is the single
 * source of which moves exist.
 */
export function transitionFor(type: OrderType, action: OrderAction): Transition {
  switch (action) {
    case "claim":
      return { from: ["PENDING"], to: "CLAIMED" };
    case "approve":
      if (type !== "CASH_OUT") throw new DomainError("CONFLICT", "onlyCashOutsApproval");
      return { from: ["CLAIMED"], to: "COMPLETED" };
    case "reject":
      if (type !== "CASH_OUT") throw new DomainError("CONFLICT", "onlyCashOutsApproval");
      return { from: ["CLAIMED"], to: "DECLINED" };
    case "confirm":
      if (type !== "CASH_IN") {
        throw new DomainError("CONFLICT", "cashOutCompletesOnPhone");
      }
      return { from: ["CLAIMED"], to: "COMPLETED" };
    case "cancel":
      return { from: LIVE_STATUSES, to: "CANCELLED" };
    case "expire":
      return { from: LIVE_STATUSES, to: "EXPIRED" };
    case "decline":
      return { from: ["CLAIMED"], to: "DECLINED" };
    // Operators upholding a dispute (two of them): the cash-in the agent kept the cash of is
    // executed after all; a completed order disputed by the party that lost by it (a
    // cash-out's customer, a cash-in's shop) is undone.
    case "creditDisputed":
      if (type !== "CASH_IN") throw new DomainError("CONFLICT", "onlyCashInCredited");
      return { from: UNEXECUTED_STATUSES, to: "COMPLETED" };
    case "reverseDisputed":
      return { from: ["COMPLETED"], to: "REVERSED" };
    // Two operators undo a completed order (maker-checker reversal).
    case "reverse":
      return { from: ["COMPLETED"], to: "REVERSED" };
  }
}

/**
 * Explains why an action cannot be taken on an order in `status`: used after a guarded
 * update touched no row, to tell the person what happened instead.
 */
export function refusalFor(type: OrderType, action: OrderAction, status: OrderStatus): DomainError {
  switch (status) {
    case "COMPLETED":
      if (type === "CASH_OUT" && (action === "cancel" || action === "decline")) {
        return new DomainError(
          "ORDER_ALREADY_HANDLED",
          action === "cancel" ? "cashOutPaidCollect" : "cashOutPaidHandOver",
        );
      }
      return new DomainError("ORDER_ALREADY_HANDLED", "orderCompleted");
    case "REVERSED":
      return new DomainError("ORDER_ALREADY_HANDLED", "orderCompleted");
    case "CANCELLED":
      return new DomainError("ORDER_NOT_ACTIVE", "orderCancelled");
    case "EXPIRED":
      return new DomainError("ORDER_EXPIRED", "codeExpired");
    case "DECLINED":
      return new DomainError("ORDER_NOT_ACTIVE", "orderDeclined");
    case "CLAIMED":
      if (action === "claim") {
        return new DomainError("ORDER_ALREADY_HANDLED", "orderBeingHandled");
      }
      return new DomainError("CONFLICT", "orderWaitingForAgent");
    case "APPROVED":
      return new DomainError("ORDER_ALREADY_HANDLED", "orderBeingHandled");
    case "PENDING":
      return new DomainError("CONFLICT", "orderNotScanned");
  }
}
