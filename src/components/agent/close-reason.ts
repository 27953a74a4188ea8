import { CLOSE_REASON } from "@/domain/close-reasons";

/**
 * A closed order's reason as a message of agent.order.closed. The server stores reasons as
 * English sentences; those it writes itself are named by key, and those that frame a
 * person's words (decline-order.ts: "Declined by <shop>: <reason>", reverse-order.ts:
 * "Reversed: <reason>") keep the words and translate the frame. Anything else (an
 * operator's words) is shown as written: null.
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
  // i18n-ignore: the reason cancel-order.ts stores, matched to show it translated
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
