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
  | "decline";

export const LIVE_STATUSES: readonly OrderStatus[] = ["PENDING", "CLAIMED", "APPROVED"];

export function isLive(status: OrderStatus): boolean {
  return LIVE_STATUSES.includes(status);
}

interface Transition {
  from: readonly OrderStatus[];
  to: OrderStatus;
}

/**
 * The lifecycle from DESIGN.md section 3. The repository turns each transition into a
 * guarded UPDATE (`WHERE id = $1 AND status = ANY(from)`), so a race can only ever let one
 * caller through; this table is the single source of which moves exist.
 */
export function transitionFor(type: OrderType, action: OrderAction): Transition {
  switch (action) {
    case "claim":
      return { from: ["PENDING"], to: "CLAIMED" };
    case "approve":
      if (type !== "CASH_OUT") throw new DomainError("CONFLICT", "Only cash-outs need approval");
      return { from: ["CLAIMED"], to: "APPROVED" };
    case "reject":
      if (type !== "CASH_OUT") throw new DomainError("CONFLICT", "Only cash-outs need approval");
      return { from: ["CLAIMED"], to: "DECLINED" };
    case "confirm":
      return { from: [type === "CASH_OUT" ? "APPROVED" : "CLAIMED"], to: "COMPLETED" };
    case "cancel":
      return { from: LIVE_STATUSES, to: "CANCELLED" };
    case "expire":
      return { from: LIVE_STATUSES, to: "EXPIRED" };
    case "decline":
      return { from: ["CLAIMED", "APPROVED"], to: "DECLINED" };
  }
}

/**
 * Explains why an action cannot be taken on an order in `status`: used after a guarded
 * update touched no row, to tell the person what happened instead.
 */
export function refusalFor(type: OrderType, action: OrderAction, status: OrderStatus): DomainError {
  switch (status) {
    case "COMPLETED":
    case "REVERSED":
      return new DomainError("ORDER_ALREADY_HANDLED", "This order was already completed");
    case "CANCELLED":
      return new DomainError("ORDER_NOT_ACTIVE", "The customer cancelled this order");
    case "EXPIRED":
      return new DomainError("ORDER_EXPIRED", "This code has expired. Ask for a new one");
    case "DECLINED":
      return new DomainError("ORDER_NOT_ACTIVE", "This order was declined");
    case "CLAIMED":
      if (action === "claim") {
        return new DomainError("ORDER_ALREADY_HANDLED", "This order is already being handled");
      }
      if (action === "confirm" && type === "CASH_OUT") {
        return new DomainError("CONFLICT", "Wait for the customer to approve on their phone");
      }
      return new DomainError("CONFLICT", "This order is waiting for the agent");
    case "APPROVED":
      if (action === "claim") {
        return new DomainError("ORDER_ALREADY_HANDLED", "This order is already being handled");
      }
      return new DomainError("CONFLICT", "The customer already approved this order");
    case "PENDING":
      return new DomainError("CONFLICT", "No agent has scanned this order yet");
  }
}
