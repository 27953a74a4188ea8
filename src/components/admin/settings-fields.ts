import { CURRENCY_EXPONENTS, type CurrencyCode, parseMajor } from "@/domain/money";
import type { SettingsJson } from "@/domain/settings";

/** What an operator types: money in major units, rates in basis points, time in minutes. */
export type FieldKind = "money" | "bps" | "percent" | "minutes";

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
    title: "Cash-in commission",
    explain: "What the platform pays the agent for each cash-in.",
    fields: feeFields("cashIn.commission"),
  },
  {
    title: "Cash-out fee",
    explain: "What the customer pays to take cash out; the agent earns its share of it.",
    fields: [
      ...feeFields("cashOut.fee"),
      { path: "cashOut.agentShareBps", label: "Agent's share of the fee (%)", kind: "percent" },
    ],
  },
];

export const ALL_FIELDS: FieldSpec[] = [
  ...GROUPS.flatMap((g) => g.fields),
  ...TIER_IDS.flatMap((tier) =>
    TIER_COLUMNS.map(
      (c): FieldSpec => ({ path: tierPath(tier, c.key), label: c.label, kind: "money" }),
    ),
  ),
];

export type FieldValues = Record<string, string>;
export type FieldProblems = Record<string, string>;

/** The stored document as the operator reads it. */
export function toFields(settings: SettingsJson): FieldValues {
  const currency = settings.currency;
  const values: FieldValues = {
    orderTtlSeconds: trimZeros(settings.orderTtlSeconds / 60),
    "cashOut.agentShareBps": trimZeros(settings.cashOut.agentShareBps / 100),
  };
  const fees = {
    "cashIn.fee": settings.cashIn.fee,
    "cashIn.commission": settings.cashIn.commission,
    "cashOut.fee": settings.cashOut.fee,
  };
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

/**
 * The form back into a settings document, or what is wrong beside each field. The server
 * validates again; checking here names every problem at once, next to its field.
 */
export function fromFields(
  values: FieldValues,
  currency: CurrencyCode,
): { settings: SettingsJson } | { problems: FieldProblems } {
  const problems: FieldProblems = {};
  const minor: Record<string, bigint> = {};
  const numbers: Record<string, number> = {};

  for (const field of ALL_FIELDS) {
    const text = (values[field.path] ?? "").trim();
    const result = read(field.kind, text, currency);
    if (typeof result === "string") problems[field.path] = result;
    else if (typeof result === "bigint") minor[field.path] = result;
    else numbers[field.path] = result.value;
  }

  for (const prefix of ["cashIn.fee", "cashIn.commission", "cashOut.fee"]) {
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
  return {
    settings: {
      currency,
      orderTtlSeconds: n("orderTtlSeconds"),
      cashIn: { fee: fee("cashIn.fee"), commission: fee("cashIn.commission") },
      cashOut: { fee: fee("cashOut.fee"), agentShareBps: n("cashOut.agentShareBps") },
      tiers: { "1": tier("1"), "2": tier("2"), "3": tier("3") },
    },
  };
}

/** A problem in words, or the stored value: minor units, or a whole number of the unit. */
function read(
  kind: FieldKind,
  text: string,
  currency: CurrencyCode,
): string | bigint | { value: number } {
  if (!text) return "Required";
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
