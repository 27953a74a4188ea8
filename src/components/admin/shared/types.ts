import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;

export type AdminAgent = Outputs["admin"]["agents"][number];
export type CurrencyBalance = Outputs["admin"]["trialBalance"][number];
export type Reconciliation = Outputs["admin"]["reconcile"];
export type OrderDossier = Outputs["admin"]["order"];
export type AdminReversal = Outputs["admin"]["reversals"][number];
export type AdminDispute = Outputs["admin"]["disputes"][number];
export type AdminCustomer = Outputs["admin"]["customers"][number];
export type SettingsVersion = Outputs["admin"]["settings"][number];
export type AuditRow = Outputs["admin"]["audit"][number];
export type MoneyRequest = Outputs["admin"]["moneyRequests"][number];
export type OperatorInvitation = Outputs["admin"]["operatorInvitations"][number];

export type OrderStatus = NonNullable<Inputs["admin"]["orders"]["status"]>;
export type OrderType = NonNullable<Inputs["admin"]["orders"]["type"]>;
export type ReversalStatus = NonNullable<Inputs["admin"]["reversals"]["status"]>;
export type AuditEntityType = NonNullable<Inputs["admin"]["audit"]["entityType"]>;

// The default, en-KE: day-month order and a 12-hour clock, as the operations team in Nairobi
// reads dates. Screens pass their language's tag (useAdminFormats() binds it).
export function formatDay(date: Date, tag = "en-KE"): string {
  return new Intl.DateTimeFormat(tag, { dateStyle: "medium" }).format(date);
}

export function formatMoment(date: Date, tag = "en-KE"): string {
  return new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "medium" }).format(date);
}

/** A date input's value (yyyy-mm-dd) as the start of that day on the operator's clock. */
export function startOfDay(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * The server's "to" is exclusive, but an operator asking for orders "to 3 May" means
 * including the 3rd, so the bound is the start of the next day.
 */
export function endOfDay(value: string): Date | undefined {
  const start = startOfDay(value);
  if (!start) return undefined;
  return new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
}

/** Ids are UUIDs; the first block is enough to tell people apart on one screen. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}
