// Rebalancing: an agent asks the operator to buy float (against a deposit it made at the
// operator's bank) or to sell float (for cash the operator delivers). Framework-free rules
// shared by the use cases, the model test and the screens.

export type RebalanceKind = "BUY_FLOAT" | "SELL_FLOAT";
export type RebalanceStatus =
  | "REQUESTED"
  | "AWAITING_SECOND"
  | "APPROVED"
  | "REJECTED"
  | "CANCELLED";

export const REBALANCE_KINDS: readonly RebalanceKind[] = ["BUY_FLOAT", "SELL_FLOAT"];
/** Waiting for an operator: the agent may still cancel, operators may still decide. */
export const WAITING_STATUSES: readonly RebalanceStatus[] = ["REQUESTED", "AWAITING_SECOND"];
export const DECIDED_STATUSES: readonly RebalanceStatus[] = ["APPROVED", "REJECTED", "CANCELLED"];

export function isWaiting(status: RebalanceStatus): boolean {
  return WAITING_STATUSES.includes(status);
}

/** The operators' movement an approval posts: a deposit funds the float, a sale defloats it. */
export function moveOf(kind: RebalanceKind): "FUND_FLOAT" | "DEFLOAT" {
  return kind === "BUY_FLOAT" ? "FUND_FLOAT" : "DEFLOAT";
}

/** The bank reference a sale's DEFLOAT entry carries: unique per request, so it posts once. */
export function sellReference(rebalanceId: string): string {
  return `rebalance-${rebalanceId}`;
}

/**
 * What an operator's approval does. A first approval within what the operator may still move
 * alone today executes; beyond it the request waits for a second, different operator, whose
 * approval executes whatever the amount (the same four-eyes rule as the operators' own
 * movements, decide-money-request.ts).
 */
export function approvalStep(a: {
  status: RebalanceStatus;
  amount: bigint;
  movedAloneLastDay: bigint;
  fourEyesAbove: bigint;
}): "EXECUTE" | "AWAIT_SECOND" {
  if (a.status === "AWAITING_SECOND") return "EXECUTE";
  return a.movedAloneLastDay + a.amount > a.fourEyesAbove ? "AWAIT_SECOND" : "EXECUTE";
}
