import { PLAN_CODE } from "@/domain/commission-plan";
import { CURRENCY_EXPONENTS, type CurrencyCode, parseMajor } from "@/domain/money";
import type { SettingsJson } from "@/domain/settings";

/**
 * What an operator types: money in major units, rates in basis points, time in minutes or
 * hours, a whole count.
 */
export type FieldKind = "money" | "bps" | "percent" | "minutes" | "hours" | "count" | "name";

/** A field's name: a key under control.settings.fields (the screen says it in its language). */
export type FieldLabel =
  | "orderTtl"
  | "bps"
  | "min"
  | "max"
  | "planName"
  | "planCashInBps"
  | "planCashInMin"
  | "planCashInMax"
  | "cashOutShare"
  | "fourEyes"
  | "settlementLimit"
  | "lowFloat"
  | "lowCash"
  | "perOrderMin"
  | "perOrderMax"
  | "perDay"
  | "maxBalance"
  | "reservationMinutes"
  | "disputeWindowHours"
  | "disputeMonthlyCap";

export interface FieldSpec {
  /** Dotted path into the settings document; also the form field's name. */
  path: string;
  label: FieldLabel;
  kind: FieldKind;
}

/** What is wrong with a value: a key under control.settings.problems and its arguments. */
export interface Problem {
  key:
    | "planCode"
    | "planExists"
    | "maxBelowMin"
    | "belowOrderMin"
    | "belowOrderMax"
    | "required"
    | "nameLong"
    | "tooLarge"
    | "amount"
    | "decimals"
    | "number"
    | "bpsWhole"
    | "bpsMax"
    | "twoDecimals"
    | "percentMax"
    | "minuteMin"
    | "minuteMax"
    | "wholeBetween";
  values?: Record<string, string | number>;
}

export const TIER_IDS = ["1", "2", "3"] as const;
export type TierId = (typeof TIER_IDS)[number];

export const TIER_COLUMNS = [
  { key: "perOrderMin", label: "perOrderMin" },
  { key: "perOrderMax", label: "perOrderMax" },
  { key: "perDay", label: "perDay" },
  { key: "maxBalance", label: "maxBalance" },
] as const;

export type TierColumn = (typeof TIER_COLUMNS)[number]["key"];

export function tierPath(tier: TierId, column: TierColumn): string {
  return `tiers.${tier}.${column}`;
}

function feeFields(prefix: string): FieldSpec[] {
  return [
    { path: `${prefix}.bps`, label: "bps", kind: "bps" },
    { path: `${prefix}.min`, label: "min", kind: "money" },
    { path: `${prefix}.max`, label: "max", kind: "money" },
  ];
}

/** The form's groups; `title` names a key under control.settings.groups (and `${title}Explain`). */
export const GROUPS: {
  title: "orders" | "cashInFee" | "cashOutFee" | "controls" | "finder" | "liquidity" | "disputes";
  fields: FieldSpec[];
}[] = [
  {
    title: "orders",
    fields: [{ path: "orderTtlSeconds", label: "orderTtl", kind: "minutes" }],
  },
  { title: "cashInFee", fields: feeFields("cashIn.fee") },
  { title: "cashOutFee", fields: feeFields("cashOut.fee") },
  {
    title: "controls",
    fields: [
      { path: "operatorFourEyesAbove", label: "fourEyes", kind: "money" },
      { path: "settlementLimit", label: "settlementLimit", kind: "money" },
    ],
  },
  {
    title: "finder",
    fields: [{ path: "finder.reservationMinutes", label: "reservationMinutes", kind: "minutes" }],
  },
  {
    title: "liquidity",
    fields: [
      { path: "liquidity.lowFloat", label: "lowFloat", kind: "money" },
      { path: "liquidity.lowCash", label: "lowCash", kind: "money" },
    ],
  },
  {
    title: "disputes",
    fields: [
      { path: "disputes.windowHours", label: "disputeWindowHours", kind: "hours" },
      { path: "disputes.monthlyCap", label: "disputeMonthlyCap", kind: "count" },
    ],
  },
];

/** The fields of one commission plan, under commissionPlans.<code>. */
export function planFields(code: string): FieldSpec[] {
  const prefix = `commissionPlans.${code}`;
  return [
    { path: `${prefix}.name`, label: "planName", kind: "name" },
    { path: `${prefix}.cashIn.bps`, label: "planCashInBps", kind: "bps" },
    { path: `${prefix}.cashIn.min`, label: "planCashInMin", kind: "money" },
    { path: `${prefix}.cashIn.max`, label: "planCashInMax", kind: "money" },
    { path: `${prefix}.cashOutShareBps`, label: "cashOutShare", kind: "percent" },
  ];
}

/** Every field of a document with these plans. */
export function allFields(planCodes: readonly string[]): FieldSpec[] {
  return [
    ...GROUPS.flatMap((g) => g.fields),
    ...planCodes.flatMap(planFields),
    ...TIER_IDS.flatMap((tier) =>
      TIER_COLUMNS.map(
        (c): FieldSpec => ({ path: tierPath(tier, c.key), label: c.label, kind: "money" }),
      ),
    ),
  ];
}

/** A new plan's code, or what is wrong with it. */
export function checkPlanCode(code: string, existing: readonly string[]): Problem | null {
  if (!PLAN_CODE.test(code)) return { key: "planCode" };
  if (existing.includes(code)) return { key: "planExists" };
  return null;
}

export type FieldValues = Record<string, string>;
export type FieldProblems = Record<string, Problem>;

/** The stored document as the operator reads it. */
export function toFields(settings: SettingsJson): FieldValues {
  const currency = settings.currency;
  const values: FieldValues = {
    orderTtlSeconds: trimZeros(settings.orderTtlSeconds / 60),
    operatorFourEyesAbove: majorText(settings.operatorFourEyesAbove, currency),
    settlementLimit: majorText(settings.settlementLimit, currency),
    "finder.reservationMinutes": String(settings.finder.reservationMinutes),
    "liquidity.lowFloat": majorText(settings.liquidity.lowFloat, currency),
    "liquidity.lowCash": majorText(settings.liquidity.lowCash, currency),
    "disputes.windowHours": String(settings.disputes.windowHours),
    "disputes.monthlyCap": String(settings.disputes.monthlyCap),
  };
  const fees: Record<string, SettingsJson["cashIn"]["fee"]> = {
    "cashIn.fee": settings.cashIn.fee,
    "cashOut.fee": settings.cashOut.fee,
  };
  for (const [code, plan] of Object.entries(settings.commissionPlans)) {
    if (!plan) continue;
    Object.assign(values, planValues(code, plan));
    fees[`commissionPlans.${code}.cashIn`] = plan.cashIn;
  }
  for (const [prefix, rule] of Object.entries(fees)) {
    values[`${prefix}.bps`] = String(rule.bps);
    values[`${prefix}.min`] = majorText(rule.min, currency);
    values[`${prefix}.max`] = majorText(rule.max, currency);
  }
  for (const tier of TIER_IDS) {
    const limits = settings.tiers[tier];
    for (const c of TIER_COLUMNS)
      values[tierPath(tier, c.key)] = majorText(limits[c.key], currency);
  }
  return values;
}

/** A plan's name and cash-out share as typed (its cash-in rule goes with the other fees). */
function planValues(code: string, plan: SettingsJson["commissionPlans"][string]): FieldValues {
  return {
    [`commissionPlans.${code}.name`]: plan.name,
    [`commissionPlans.${code}.cashOutShareBps`]: trimZeros(plan.cashOutShareBps / 100),
  };
}

/** A new plan's fields, starting from the rates of an existing plan's fields. */
export function newPlanValues(
  code: string,
  name: string,
  from: string,
  values: FieldValues,
): FieldValues {
  const copied: FieldValues = {};
  for (const field of planFields(from)) {
    const path = field.path.replace(`commissionPlans.${from}.`, `commissionPlans.${code}.`);
    copied[path] = values[field.path] ?? "";
  }
  copied[`commissionPlans.${code}.name`] = name;
  return copied;
}

/**
 * The form back into a settings document, or what is wrong beside each field. The server
 * validates again; checking here names every problem at once, next to its field.
 */
export function fromFields(
  values: FieldValues,
  currency: CurrencyCode,
  planCodes: readonly string[],
): { settings: SettingsJson } | { problems: FieldProblems } {
  const problems: FieldProblems = {};
  const minor: Record<string, bigint> = {};
  const numbers: Record<string, number> = {};
  const texts: Record<string, string> = {};

  for (const field of allFields(planCodes)) {
    const text = (values[field.path] ?? "").trim();
    const result = read(field.kind, text, currency);
    if (isProblem(result)) problems[field.path] = result;
    else if (typeof result === "bigint") minor[field.path] = result;
    else if (typeof result.value === "string") texts[field.path] = result.value;
    else numbers[field.path] = result.value;
  }

  const feePrefixes = [
    "cashIn.fee",
    "cashOut.fee",
    ...planCodes.map((code) => `commissionPlans.${code}.cashIn`),
  ];
  for (const prefix of feePrefixes) {
    const min = minor[`${prefix}.min`];
    const max = minor[`${prefix}.max`];
    if (min !== undefined && max !== undefined && min > max)
      problems[`${prefix}.max`] = { key: "maxBelowMin" };
  }
  for (const tier of TIER_IDS) {
    const min = minor[tierPath(tier, "perOrderMin")];
    const max = minor[tierPath(tier, "perOrderMax")];
    const day = minor[tierPath(tier, "perDay")];
    if (min !== undefined && max !== undefined && min > max)
      problems[tierPath(tier, "perOrderMax")] = { key: "belowOrderMin" };
    else if (max !== undefined && day !== undefined && max > day)
      problems[tierPath(tier, "perDay")] = { key: "belowOrderMax" };
  }
  if (Object.keys(problems).length > 0) return { problems };

  const m = (path: string) => (minor[path] ?? 0n).toString();
  const n = (path: string) => numbers[path] ?? 0;
  const fee = (prefix: string) => ({
    bps: n(`${prefix}.bps`),
    min: m(`${prefix}.min`),
    max: m(`${prefix}.max`),
  });
  const tier = (id: TierId) => ({
    perOrderMin: m(tierPath(id, "perOrderMin")),
    perOrderMax: m(tierPath(id, "perOrderMax")),
    perDay: m(tierPath(id, "perDay")),
    maxBalance: m(tierPath(id, "maxBalance")),
  });
  const plan = (code: string) => ({
    name: texts[`commissionPlans.${code}.name`] ?? code,
    cashIn: fee(`commissionPlans.${code}.cashIn`),
    cashOutShareBps: n(`commissionPlans.${code}.cashOutShareBps`),
  });
  return {
    settings: {
      currency,
      orderTtlSeconds: n("orderTtlSeconds"),
      cashIn: { fee: fee("cashIn.fee") },
      cashOut: { fee: fee("cashOut.fee") },
      commissionPlans: Object.fromEntries(planCodes.map((code) => [code, plan(code)])),
      tiers: { "1": tier("1"), "2": tier("2"), "3": tier("3") },
      operatorFourEyesAbove: m("operatorFourEyesAbove"),
      settlementLimit: m("settlementLimit"),
      // Typed in minutes like the order's expiry, kept in whole minutes.
      finder: { reservationMinutes: Math.round(n("finder.reservationMinutes") / 60) },
      liquidity: { lowFloat: m("liquidity.lowFloat"), lowCash: m("liquidity.lowCash") },
      disputes: {
        windowHours: n("disputes.windowHours"),
        monthlyCap: n("disputes.monthlyCap"),
      },
    },
  };
}

/** A problem in words, or the stored value: minor units, a whole number of the unit, a name. */
function read(
  kind: FieldKind,
  text: string,
  currency: CurrencyCode,
): Problem | bigint | { value: number | string } {
  if (!text) return { key: "required" };
  if (kind === "name") return text.length > 40 ? { key: "nameLong" } : { value: text };
  if (kind === "money") {
    try {
      const value = parseMajor(text, currency);
      // The settings document keeps at most 13 digits of minor units.
      return value >= 10n ** 13n ? { key: "tooLarge" } : value;
    } catch {
      // parseMajor refuses for one of two reasons; the screen words them in its language.
      const exponent = CURRENCY_EXPONENTS[currency];
      const fraction = /\.(\d*)$/.exec(text.replace(/[,\s_]/g, ""))?.[1];
      return fraction !== undefined && /^\d+$/.test(fraction) && fraction.length > exponent
        ? { key: "decimals", values: { currency, exponent } }
        : { key: "amount" };
    }
  }
  const value = Number(text.replace(/,/g, ""));
  if (!Number.isFinite(value) || value < 0) return { key: "number" };
  if (kind === "hours" || kind === "count") {
    // The bounds of the disputes group (src/domain/settings.ts).
    const [min, max] = kind === "hours" ? [1, 720] : [1, 100];
    return Number.isInteger(value) && value >= min && value <= max
      ? { value }
      : { key: "wholeBetween", values: { min, max } };
  }
  if (kind === "bps") {
    if (!Number.isInteger(value)) return { key: "bpsWhole" };
    return value > 10_000 ? { key: "bpsMax" } : { value };
  }
  if (kind === "percent") {
    const bps = Math.round(value * 100);
    if (Math.abs(bps - value * 100) > 1e-6) return { key: "twoDecimals" };
    return bps > 10_000 ? { key: "percentMax" } : { value: bps };
  }
  const seconds = Math.round(value * 60);
  if (seconds < 60) return { key: "minuteMin" };
  if (seconds > 86_400) return { key: "minuteMax" };
  return { value: seconds };
}

function isProblem(value: Problem | bigint | { value: number | string }): value is Problem {
  return typeof value === "object" && "key" in value;
}

/** Minor units as the major amount people type: "150", "70,000", "12.50". */
export function majorText(minor: string, currency: CurrencyCode): string {
  const exponent = CURRENCY_EXPONENTS[currency];
  const value = BigInt(minor);
  const scale = 10n ** BigInt(exponent);
  // Thousands separated as on a receipt; parseMajor reads the commas back.
  const whole = (value / scale).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = value % scale;
  if (fraction === 0n) return whole;
  return `${whole}.${fraction.toString().padStart(exponent, "0")}`;
}

function trimZeros(value: number): string {
  return String(Number(value.toFixed(2)));
}
