import type { OrderType } from "./pricing";

/**
 * The reasons the server writes when it closes an order, read by both sides' screens. Kept
 * here because a screen also tells by the reason who closed it: a cash-out the customer
 * rejected and one the agent declined both end DECLINED, and only the agent's is "declined".
 */
export const CLOSE_REASON = {
  rejectedByCustomer: "Rejected by the customer",
  codeExpired: "The code expired before it was used",
  // After the scan the code *was* used: what ran out is the time to finish the order.
  cashInNotConfirmed: "The agent scanned the code but did not confirm the cash in time",
  cashOutNotApproved: "The agent scanned the code but the customer did not approve in time",
} as const;

/** Why an order expired: before anyone scanned it, or after, by who had to act next. */
export function expiryReason(type: OrderType, claimed: boolean): string {
  if (!claimed) return CLOSE_REASON.codeExpired;
  return type === "CASH_IN" ? CLOSE_REASON.cashInNotConfirmed : CLOSE_REASON.cashOutNotApproved;
}

/** Whether the customer's own "Reject" closed this order (not an agent's decline). */
export function rejectedByCustomer(status: string, closeReason: string | null): boolean {
  return status === "DECLINED" && closeReason === CLOSE_REASON.rejectedByCustomer;
}

/**
 * A stored close reason as a message of the catalogue ("common.closeReason"): the server
 * stores reasons as English sentences; those it writes itself are named by key, and those
 * that frame a person's words (decline-order.ts: "Declined by <shop>: <reason>",
 * reverse-order.ts: "Reversed: <reason>") keep the words and translate the frame. Anything
 * else (an operator's words) is shown as written: null.
 */
export type ReasonMessage =
  | {
      key:
        | "rejectedByCustomer"
        | "codeExpired"
        | "cashInNotConfirmed"
        | "cashOutNotApproved"
        | "cancelledByCustomer";
    }
  | { key: "declinedBy"; values: { shop: string; reason: string } }
  | { key: "reversedBecause"; values: { reason: string } };

const KNOWN = new Map<string, ReasonMessage>([
  [CLOSE_REASON.rejectedByCustomer, { key: "rejectedByCustomer" }],
  [CLOSE_REASON.codeExpired, { key: "codeExpired" }],
  [CLOSE_REASON.cashInNotConfirmed, { key: "cashInNotConfirmed" }],
  [CLOSE_REASON.cashOutNotApproved, { key: "cashOutNotApproved" }],
  // The reason cancel-order.ts stores.
  ["Cancelled by the customer", { key: "cancelledByCustomer" }],
]);

export function reasonMessage(reason: string): ReasonMessage | null {
  const known = KNOWN.get(reason);
  if (known) return known;
  const declined = /^Declined by (.+?): ([\s\S]*)$/.exec(reason);
  if (declined) {
    return { key: "declinedBy", values: { shop: declined[1] ?? "", reason: declined[2] ?? "" } };
  }
  const reversed = /^Reversed: ([\s\S]*)$/.exec(reason);
  if (reversed) return { key: "reversedBecause", values: { reason: reversed[1] ?? "" } };
  return null;
}
