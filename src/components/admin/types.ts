import type { inferRouterOutputs } from "@trpc/server";
import type { CurrencyCode } from "@/domain/money";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>;

export type AdminAgent = Outputs["admin"]["agents"][number];
export type CurrencyBalance = Outputs["admin"]["trialBalance"][number];
export type Reconciliation = Outputs["admin"]["reconcile"];

/**
 * The agent list carries float and commission without their currency; the platform runs
 * in one currency (Kenya first), the same one the forms' "Amount (KES)" labels promise.
 */
export const OPERATING_CURRENCY: CurrencyCode = "KES";

// en-KE: day-month order and a 12-hour clock, as the operations team in Nairobi reads dates.
const DAY = new Intl.DateTimeFormat("en-KE", { dateStyle: "medium" });
const MOMENT = new Intl.DateTimeFormat("en-KE", { dateStyle: "medium", timeStyle: "medium" });

export function formatDay(date: Date): string {
  return DAY.format(date);
}

export function formatMoment(date: Date): string {
  return MOMENT.format(date);
}
