/**
 * The words screens show for the codes the server sends (statuses, account and entry kinds,
 * dispute kinds, order types), in the screen's language: messages/<language>/common.json,
 * "codes". Every code a person can see is named there, so a screen never shows
 * COMMISSION_EXPENSE. Each status also carries its tone, the badge colour by what it means:
 * - waiting: nobody has acted yet (a code not yet scanned, a request not yet decided);
 * - action: someone must act now (the agent scanned, a second operator must approve);
 * - done: it happened and the money moved as asked;
 * - closed: it ended without the money moving (or was undone);
 * - problem: something is wrong and needs a person.
 */
import { useTranslations } from "next-intl";
import { rejectedByCustomer } from "@/domain/close-reasons";
import { DISPUTE_KINDS } from "@/domain/disputes";
import type { OrderStatus } from "@/domain/order-state";
import { ACCOUNT_KINDS } from "@/domain/postings";

export type Tone = "waiting" | "action" | "done" | "closed" | "problem";

export interface Look {
  label: string;
  tone: Tone;
}

// Keyed by the domain's types, so a status or kind added there does not compile until it
// has a tone here (and tests/unit/messages.test.ts wants its name in every language).
const ORDER_STATUS_TONE: Readonly<Record<OrderStatus, Tone>> = {
  PENDING: "waiting",
  CLAIMED: "action",
  // Approval executes a cash-out; orders left in APPROVED are history whose money moved.
  APPROVED: "done",
  COMPLETED: "done",
  CANCELLED: "closed",
  EXPIRED: "closed",
  // DECLINED is the agent's word; a customer's own no is REJECTED_BY_CUSTOMER ("Rejected").
  DECLINED: "closed",
  REVERSED: "closed",
};

const TONES = {
  orderStatus: ORDER_STATUS_TONE,
  reversalStatus: { REQUESTED: "action", APPROVED: "done", REJECTED: "closed" },
  disputeStatus: { OPEN: "action", UPHOLD_REQUESTED: "action", UPHELD: "done", REJECTED: "closed" },
  moneyRequestStatus: { REQUESTED: "action", APPROVED: "done", REJECTED: "closed" },
  accountStatus: {
    ACTIVE: "done",
    SUSPENDED: "problem",
    LOCKED: "problem",
    PENDING_APPROVAL: "action",
  },
} as const satisfies Record<string, Readonly<Record<string, Tone>>>;

/** Groups of statuses: each has a word and a tone. */
export type StatusGroup = keyof typeof TONES;
/** Groups of kinds: each has a word. */
export type KindGroup = "entryKind" | "disputeKind" | "disputeParty" | "orderType";

/** Every journal-entry kind the server writes (labels.test.ts scans the code for more). */
export const ENTRY_KINDS = [
  "CASH_IN",
  "CASH_OUT",
  "REVERSAL",
  "FUND_FLOAT",
  "DEFLOAT",
  "PAY_COMMISSION",
  "FLOAT_FUNDING",
  "DEMO_BALANCE",
] as const;

/** The codes every language must name (tests/unit/messages.test.ts), by group. */
export const NAMED_CODES: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries(Object.entries(TONES).map(([group, tones]) => [group, Object.keys(tones)])),
  orderStatus: [...Object.keys(ORDER_STATUS_TONE), "REJECTED_BY_CUSTOMER"],
  accountKind: ACCOUNT_KINDS,
  accountKindAll: ACCOUNT_KINDS,
  entryKind: ENTRY_KINDS,
  disputeKind: DISPUTE_KINDS,
  disputeParty: ["CUSTOMER", "SHOP"],
  orderType: ["CASH_IN", "CASH_OUT"],
};

/**
 * A code no catalogue knows yet (a new kind added on the server) still reads as words,
 * "NEW_KIND" -> "New kind", rather than as a code; the unit test keeps the known ones named.
 */
export function humanize(code: string): string {
  const words = code.toLowerCase().replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The little of a translator (next-intl's, scoped to "common.codes") that naming needs. */
export interface CodeTranslator {
  (key: never): string;
  has(key: never): boolean;
}

/** Names codes in the screen's language, for components (server or client). */
export function useCodeNames() {
  return codeNamesOf(useTranslations("common.codes"));
}

/** The same outside React (tests, a server's rendering), from a "common.codes" translator. */
export function codeNamesOf(t: CodeTranslator) {
  // Codes are looked up at run time; an unknown one reads as words (humanize).
  const lookup = t as unknown as { (key: string): string; has(key: string): boolean };
  const word = (group: string, code: string): string => {
    const key = `${group}.${code}`;
    return lookup.has(key) ? lookup(key) : humanize(code);
  };
  return {
    /** A status's word and tone. */
    look(group: StatusGroup, code: string): Look {
      const tones: Readonly<Record<string, Tone>> = TONES[group];
      return { label: word(group, code), tone: tones[code] ?? "waiting" };
    },
    /** An order's status; the close reason tells a customer's reject from an agent's decline. */
    orderStatus(status: string, closeReason: string | null = null): Look {
      return rejectedByCustomer(status, closeReason)
        ? { label: word("orderStatus", "REJECTED_BY_CUSTOMER"), tone: "closed" }
        : this.look("orderStatus", status);
    },
    /** A kind's word (journal entries, disputes, order types). */
    kind(group: KindGroup, code: string): string {
      return word(group, code);
    },
    /** A ledger account kind: one account ("Customer wallet"), or all of them ("Customer wallets"). */
    accountKind(kind: string, all = false): string {
      return word(all ? "accountKindAll" : "accountKind", kind);
    },
  };
}

export type CodeNames = ReturnType<typeof codeNamesOf>;
