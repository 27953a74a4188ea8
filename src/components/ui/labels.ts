/**
 * The words screens show for the codes the server sends (statuses, account and entry kinds,
 * dispute kinds). Every code a person can see is named here and nowhere else, so a screen
 * never shows COMMISSION_EXPENSE and a later translation step has one file to take over.
 * Each status also carries its tone, the badge colour by what it means to the reader:
 * - waiting: nobody has acted yet (a code not yet scanned, a request not yet decided);
 * - action: someone must act now (the agent scanned, a second operator must approve);
 * - done: it happened and the money moved as asked;
 * - closed: it ended without the money moving (or was undone);
 * - problem: something is wrong and needs a person.
 */
import { DISPUTE_KIND_LABEL } from "@/domain/disputes";
import type { OrderStatus } from "@/domain/order-state";
import type { ACCOUNT_KINDS } from "@/domain/postings";

export type Tone = "waiting" | "action" | "done" | "closed" | "problem";

export interface Look {
  label: string;
  tone: Tone;
}

/** Order statuses. DECLINED is the agent's word: a customer's own no is "Rejected" (below). */
// Keyed by the domain's types, so a status or kind added there does not compile until named here.
export const ORDER_STATUS: Readonly<Record<OrderStatus, Look>> = {
  PENDING: { label: "Waiting for agent", tone: "waiting" },
  CLAIMED: { label: "Agent scanned", tone: "action" },
  // Approval executes a cash-out; orders left in APPROVED are history whose money moved.
  APPROVED: { label: "Approved", tone: "done" },
  COMPLETED: { label: "Completed", tone: "done" },
  CANCELLED: { label: "Cancelled", tone: "closed" },
  EXPIRED: { label: "Expired", tone: "closed" },
  DECLINED: { label: "Declined", tone: "closed" },
  REVERSED: { label: "Reversed", tone: "closed" },
};

/** A cash-out the customer said no to ends DECLINED too; this is its word. */
export const CUSTOMER_REJECTED: Look = { label: "Rejected", tone: "closed" };

export const REVERSAL_STATUS: Readonly<Record<string, Look>> = {
  REQUESTED: { label: "Waiting for approval", tone: "action" },
  APPROVED: { label: "Approved", tone: "done" },
  REJECTED: { label: "Rejected", tone: "closed" },
};

export const DISPUTE_STATUS: Readonly<Record<string, Look>> = {
  OPEN: { label: "Open", tone: "action" },
  UPHOLD_REQUESTED: { label: "Uphold requested", tone: "action" },
  UPHELD: { label: "Upheld", tone: "done" },
  REJECTED: { label: "Rejected", tone: "closed" },
};

export const MONEY_REQUEST_STATUS: Readonly<Record<string, Look>> = {
  REQUESTED: { label: "Waiting for approval", tone: "action" },
  APPROVED: { label: "Approved", tone: "done" },
  REJECTED: { label: "Rejected", tone: "closed" },
};

/** People's accounts (customers, agents, operators). */
export const ACCOUNT_STATUS: Readonly<Record<string, Look>> = {
  ACTIVE: { label: "Active", tone: "done" },
  SUSPENDED: { label: "Suspended", tone: "problem" },
  LOCKED: { label: "Locked", tone: "problem" },
  PENDING_APPROVAL: { label: "Waiting for approval", tone: "action" },
};

/** Each kind of ledger account: one account, and every account of the kind together. */
export const ACCOUNT_KIND: Readonly<
  Record<(typeof ACCOUNT_KINDS)[number], { one: string; all: string }>
> = {
  WALLET: { one: "Customer wallet", all: "Customer wallets" },
  FLOAT: { one: "Agent float", all: "Agent float" },
  COMMISSION: { one: "Agent commission", all: "Agent commission" },
  SETTLEMENT: { one: "Settlement (bank)", all: "Settlement (bank)" },
  FEE_REVENUE: { one: "Fee revenue", all: "Fee revenue" },
  COMMISSION_EXPENSE: { one: "Commission expense", all: "Commission expense" },
};

/** What a journal entry records (its `kind`). */
export const ENTRY_KIND: Readonly<Record<string, string>> = {
  CASH_IN: "Cash-in",
  CASH_OUT: "Cash-out",
  REVERSAL: "Reversal",
  FUND_FLOAT: "Float funding",
  DEFLOAT: "De-float",
  PAY_COMMISSION: "Commission payout",
  FLOAT_FUNDING: "Opening float",
  DEMO_BALANCE: "Demo balance",
};

/** Dispute kinds are named in the domain (the customer's report form words them). */
export const DISPUTE_KIND: Readonly<Record<string, string>> = DISPUTE_KIND_LABEL;

export const ORDER_TYPE: Readonly<Record<string, string>> = {
  CASH_IN: "Cash-in",
  CASH_OUT: "Cash-out",
};

/**
 * A code this file does not know yet (a new kind added on the server) still reads as words,
 * "NEW_KIND" -> "New kind", rather than as a code; the unit test keeps the known ones named.
 */
export function humanize(code: string): string {
  const words = code.toLowerCase().replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function lookOf(map: Readonly<Record<string, Look>>, code: string): Look {
  return map[code] ?? { label: humanize(code), tone: "waiting" };
}

export function labelOf(map: Readonly<Record<string, string>>, code: string): string {
  return map[code] ?? humanize(code);
}

export function accountKindName(kind: string, all = false): string {
  const names = (ACCOUNT_KIND as Readonly<Record<string, { one: string; all: string }>>)[kind];
  return names ? names[all ? "all" : "one"] : humanize(kind);
}
