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

/** The largest id the server accepts (its zod bound), so a pasted address fails here, not there. */
export const MAX_LEDGER_ID = 2n ** 62n;

/** A positive ledger id from an address or a form, or nothing. */
export function parseLedgerId(raw: string | null | undefined): bigint | undefined {
  if (!raw || !/^[1-9]\d{0,18}$/.test(raw)) return undefined;
  const id = BigInt(raw);
  return id <= MAX_LEDGER_ID ? id : undefined;
}
