import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;

export type Overview = Outputs["admin"]["overview"];
export type OverviewWindow = Overview["today"];
export type MoneyPosition = Overview["positions"][number];
export type DailyVolume = Overview["dailyVolume"][number];
export type StatusCount = Overview["ordersByStatus"][number];
export type LedgerAccount = Outputs["admin"]["accounts"][number];
export type AccountKind = NonNullable<Inputs["admin"]["accounts"]["kind"]>;
export type Statement = Outputs["admin"]["statement"];
export type StatementLine = Statement["lines"][number];
export type JournalEntry = Outputs["admin"]["journal"][number];

/** In the order the ledger reads: customers and agents first, then the platform's own. */
export { ACCOUNT_KINDS } from "@/domain/postings";

/** One account, in the words a statement or a posting line uses. */
/** Each kind of ledger account by name: one account, and all of that kind together. */
const ACCOUNT_KIND_NAMES: Record<string, { one: string; all: string }> = {
  WALLET: { one: "Customer wallet", all: "Customer wallets" },
  FLOAT: { one: "Agent float", all: "Agent float" },
  COMMISSION: { one: "Agent commission", all: "Agent commission" },
  SETTLEMENT: { one: "Settlement (bank)", all: "Settlement (bank)" },
  FEE_REVENUE: { one: "Fee revenue", all: "Fee revenue" },
  COMMISSION_EXPENSE: { one: "Commission expense", all: "Commission expense" },
};

/** The kind's name for one account, or (`all`) for every account of the kind together. */
export function accountKindName(kind: string, all = false): string {
  const names = ACCOUNT_KIND_NAMES[kind];
  return names ? names[all ? "all" : "one"] : kind;
}

/** The largest id the server accepts (its zod bound), so a pasted address fails here, not there. */
export const MAX_LEDGER_ID = 2n ** 62n;

/** A positive ledger id from an address or a form, or nothing. */
export function parseLedgerId(raw: string | null | undefined): bigint | undefined {
  if (!raw || !/^[1-9]\d{0,18}$/.test(raw)) return undefined;
  const id = BigInt(raw);
  return id <= MAX_LEDGER_ID ? id : undefined;
}
