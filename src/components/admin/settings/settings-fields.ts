import { PLAN_CODE } from "@/domain/commission-plan";
import { CURRENCY_EXPONENTS, type CurrencyCode, parseMajor } from "@/domain/money";
import type { SettingsJson } from "@/domain/settings";

/** What an operator types: money in major units, rates in basis points, time in minutes. */
export type FieldKind = "money" | "bps" | "percent" | "minutes" | "name";

export interface FieldSpec {
  /** Dotted path into the settings document; also the form field's name. */
  path: string;
  label: string;
  kind: FieldKind;
}

export const TIER_IDS = ["1", "2", "3"] as const;
export type TierId = (typeof TIER_IDS)[number];

export const TIER_COLUMNS = [
  { key: "perOrderMin", label: "Per order, min" },
  { key: "perOrderMax", label: "Per order, max" },
  { key: "perDay", label: "Per day" },
  { key: "maxBalance", label: "Max wallet balance" },
] as const;

export type TierColumn = (typeof TIER_COLUMNS)[number]["key"];

export function tierPath(tier: TierId, column: TierColumn): string {
  return `tiers.${tier}.${column}`;
}

function feeFields(prefix: string): FieldSpec[] {
  return [
    { path: `${prefix}.bps`, label: "Rate (bps)", kind: "bps" },
    { path: `${prefix}.min`, label: "Minimum", kind: "money" },
    { path: `${prefix}.max`, label: "Maximum", kind: "money" },
  ];
}

export const GROUPS: { title: string; explain: string; fields: FieldSpec[] }[] = [
  {
    title: "Orders",
    explain: "How long a customer's QR code stays valid before the order expires.",
    fields: [{ path: "orderTtlSeconds", label: "Order expires after (minutes)", kind: "minutes" }],
  },
  {
    title: "Cash-in fee",
    explain: "What the customer pays to put cash into their wallet.",
    fields: feeFields("cashIn.fee"),
  },
  {
    title: "Cash-out fee",
    explain: "What the customer pays to take cash out; the agent earns its plan's share of it.",
    fields: feeFields("cashOut.fee"),
  },
  {
    title: "Operator controls",
    explain:
      "Float fundings, de-floats and commission payouts beyond what one operator may move alone in 24 hours wait for a second operator; float funding stops where the e-money issued would pass the settlement limit. A raise takes effect after 24 hours, a cut at once.",
    fields: [
      { path: "operatorFourEyesAbove", label: "One operator alone, per 24 hours", kind: "money" },
      { path: "settlementLimit", label: "Settlement limit (e-money issued)", kind: "money" },
    ],
  },
];

/** The fields of one commission plan, under commissionPlans.<code>. */
export function planFields(code: string): FieldSpec[] {
  const prefix = `commissionPlans.${code}`;
  return [
    { path: `${prefix}.name`, label: "Name", kind: "name" },
    ...feeFields(`${prefix}.cashIn`).map((f) => ({
      ...f,
      label: `Cash-in ${f.label.toLowerCase()}`,
    })),
    { path: `${prefix}.cashOutShareBps`, label: "Share of cash-out fee (%)", kind: "percent" },
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
export function checkPlanCode(code: string, existing: readonly string[]): string | null {
  if (!PLAN_CODE.test(code)) return "2 to 24 capital letters, digits or _, starting with a letter";
  if (existing.includes(code)) return "There is already a plan with this code";
  return null;
}

export type FieldValues = Record<string, string>;
export type FieldProblems = Record<string, string>;

/** The stored document as the operator reads it. */
export function toFields(settings: SettingsJson): FieldValues {
  const currency = settings.currency;
  const values: FieldValues = {
    orderTtlSeconds: trimZeros(settings.orderTtlSeconds / 60),
    operatorFourEyesAbove: majorText(settings.operatorFourEyesAbove, currency),
    settlementLimit: majorText(settings.settlementLimit, currency),
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
    if (typeof result === "string") problems[field.path] = result;
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
      problems[`${prefix}.max`] = "The maximum is below the minimum";
  }
  for (const tier of TIER_IDS) {
    const min = minor[tierPath(tier, "perOrderMin")];
    const max = minor[tierPath(tier, "perOrderMax")];
    const day = minor[tierPath(tier, "perDay")];
    if (min !== undefined && max !== undefined && min > max)
      problems[tierPath(tier, "perOrderMax")] = "Below the per-order minimum";
    else if (max !== undefined && day !== undefined && max > day)
      problems[tierPath(tier, "perDay")] = "Below the per-order maximum";
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
    },
  };
}

/** A problem in words, or the stored value: minor units, a whole number of the unit, a name. */
function read(
  kind: FieldKind,
  text: string,
  currency: CurrencyCode,
): string | bigint | { value: number | string } {
  if (!text) return "Required";
  if (kind === "name") return text.length > 40 ? "At most 40 characters" : { value: text };
  if (kind === "money") {
    try {
      const value = parseMajor(text, currency);
      // The settings document keeps at most 13 digits of minor units.
      return value >= 10n ** 13n ? "Too large" : value;
    } catch (error) {
      return error instanceof Error ? error.message : "Enter an amount like 500 or 500.50";
    }
  }
  const value = Number(text.replace(/,/g, ""));
  if (!Number.isFinite(value) || value < 0) return "Enter a number, zero or more";
  if (kind === "bps") {
    if (!Number.isInteger(value)) return "Basis points are whole numbers (150 = 1.5%)";
    return value > 10_000 ? "At most 10,000 (100%)" : { value };
  }
  if (kind === "percent") {
    const bps = Math.round(value * 100);
    if (Math.abs(bps - value * 100) > 1e-6) return "At most two decimals";
    return bps > 10_000 ? "At most 100%" : { value: bps };
  }
  const seconds = Math.round(value * 60);
  if (seconds < 60) return "At least 1 minute";
  if (seconds > 86_400) return "At most 1,440 minutes (a day)";
  return { value: seconds };
}

/** Minor units as the major amount people type: "150", "70,000", "12.50". */
function majorText(minor: string, currency: CurrencyCode): string {
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

/** Basis points as the percentage they mean, to read beside the number typed. */
export function bpsAsPercent(text: string): string | null {
  const value = Number(text);
  if (!text.trim() || !Number.isFinite(value)) return null;
  return `${trimZeros(value / 100)}%`;
}
