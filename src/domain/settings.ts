import { z } from "zod";
import { DEFAULT_PLAN, PLAN_CODE } from "./commission-plan";
import { DISPUTE_DEFAULTS } from "./disputes";
import { CURRENCY_EXPONENTS, type CurrencyCode, formatMinor } from "./money";
import { checkRoundTrips } from "./round-trip";
import { text } from "./text";

// Platform settings are stored as versioned JSON rows (config_versions); every order records
// the version it was priced with, so a change applies to new orders only. Amounts are minor
// units kept as decimal strings in JSON (JSON has no bigint) and parsed to bigint here.
const minor = z
  .string()
  .regex(/^\d{1,13}$/, "minor units as a string of digits")
  .transform((s) => BigInt(s));
const bps = z.number().int().min(0).max(10_000);

const feeRule = z.strictObject({ bps, min: minor, max: minor });

const MAX_PLANS = 20;

/**
 * A plan's name as new versions must write it: agents and operators read it, and PostgreSQL's
 * jsonb refuses NUL and lone surrogates (a 500 before). Stored versions keep the looser shape
 * below so that history written before this rule stays readable.
 */
const planName = text("The plan name", 40);

/**
 * What an agent on this plan earns: a rate on each cash-in (paid by the platform) and a share
 * of each cash-out fee. Agents are put on a plan when onboarded; the plan's rates come from
 * the settings version the order was priced with, so a rate change applies to new orders.
 */
const commissionPlan = z.strictObject({
  name: z.string().trim().min(1).max(40),
  cashIn: feeRule,
  cashOutShareBps: bps,
});

const tierLimits = z.strictObject({
  perOrderMin: minor,
  perOrderMax: minor,
  perDay: minor,
  maxBalance: minor,
});

/** The shape of a version as written today. */
const settingsShape = z.strictObject({
  currency: z.enum(Object.keys(CURRENCY_EXPONENTS) as [CurrencyCode, ...CurrencyCode[]]),
  orderTtlSeconds: z.number().int().min(60).max(86_400),
  cashIn: z.strictObject({ fee: feeRule }),
  cashOut: z.strictObject({ fee: feeRule }),
  commissionPlans: z
    .record(z.string().regex(PLAN_CODE, "plan codes are A-Z, 0-9 and _"), commissionPlan)
    .refine((plans) => DEFAULT_PLAN in plans, `the ${DEFAULT_PLAN} plan is required`)
    .refine((plans) => Object.keys(plans).length <= MAX_PLANS, `at most ${MAX_PLANS} plans`),
  tiers: z.record(z.enum(["1", "2", "3"]), tierLimits),
  /**
   * What one operator may move alone (float fundings, de-floats, commission payouts) in any
   * 24 hours; a movement that would go beyond waits for a second operator's approval.
   */
  operatorFourEyesAbove: minor,
  /**
   * How far SETTLEMENT may go below zero: its balance is minus the e-money the platform has
   * issued against its bank money, so this bounds what float funding may create.
   */
  settlementLimit: minor,
  /** The agent finder: how long a shop holds an accepted reservation (and waits for an answer). */
  finder: z.strictObject({ reservationMinutes: z.number().int().min(5).max(240) }),
  /**
   * When a shop's tablet and the operators' agent list warn: float or cash below these
   * (minor units). Per-shop thresholds, where an operator or the owner set one, come first.
   */
  liquidity: z.strictObject({ lowFloat: minor, lowCash: minor }),
  /**
   * Disputes with rules (src/domain/disputes.ts): a party may report a problem up to
   * windowHours after the order ended, and open at most monthlyCap disputes in 30 days.
   */
  disputes: z.strictObject({
    windowHours: z.number().int().min(1).max(720),
    monthlyCap: z.number().int().min(1).max(100),
  }),
});

/**
 * A new version: today's shape, and bounds that make sense. Stored versions are read without
 * these checks (settingsSchema), so a rule added later never makes history unreadable.
 */
export const currentSettingsSchema = settingsShape.superRefine((s, ctx) => {
  // zod runs an object's refinements even when one of its fields failed (a bps of -1 came
  // here and made the round-trip search throw, a 500): the field's own message is enough.
  if (ctx.issues.length > 0) return;
  let sound = true;
  const refuse = (path: (string | number)[], message: string) => {
    sound = false;
    ctx.addIssue({ code: "custom", path, message });
  };
  const fees: [string[], { min: bigint; max: bigint }][] = [
    [["cashIn", "fee"], s.cashIn.fee],
    [["cashOut", "fee"], s.cashOut.fee],
    ...Object.entries(s.commissionPlans).map(
      ([code, plan]): [string[], { min: bigint; max: bigint }] => [
        ["commissionPlans", code, "cashIn"],
        plan.cashIn,
      ],
    ),
  ];
  for (const [path, rule] of fees) {
    if (rule.min > rule.max) {
      refuse(path, "the minimum is above the maximum");
    }
  }
  for (const [code, plan] of Object.entries(s.commissionPlans)) {
    const named = planName.safeParse(plan.name);
    if (!named.success) refuse(["commissionPlans", code, "name"], named.error.issues[0]!.message);
  }
  for (const [tier, limits] of Object.entries(s.tiers)) {
    if (limits && (limits.perOrderMin > limits.perOrderMax || limits.perOrderMax > limits.perDay)) {
      refuse(["tiers", tier], "per-order minimum <= per-order maximum <= daily limit");
    }
  }
  // Prices a customer and an agent could farm by cycling money: only once the rest is sound,
  // so the operator reads one problem at a time.
  const problem = sound ? roundTripProblem(s) : null;
  if (problem) refuse([], problem);
});

/**
 * Why a customer and an agent could farm these prices (a cash-in then a cash-out of the same
 * amount that earns them the platform's money), in the operator's words; null if they cannot.
 */
export function roundTripProblem(s: Settings): string | null {
  const check = checkRoundTrips(s);
  if (check.verdict === "safe") return null;
  if (check.verdict === "undecided") {
    return (
      "These prices could not be checked for round trips (a cash-in and then a cash-out of the " +
      "same amount) that would pay a customer and an agent from the platform's money: leave a " +
      "clear margin between the cash-in commission and the platform's part of the cash-out fee"
    );
  }
  const { amount, cashInPlan, cashOutPlan, gain } = check.witness;
  const money = (v: bigint) => formatMinor(v, s.currency);
  const planName = (code: string) => s.commissionPlans[code]?.name ?? code;
  const who =
    cashInPlan === cashOutPlan
      ? `the customer and an agent on ${planName(cashInPlan)}`
      : `the customer and two agents, on ${planName(cashInPlan)} for the cash-in and on ` +
        `${planName(cashOutPlan)} for the cash-out,`;
  return (
    `A cash-in of ${money(amount)} followed by a cash-out of ${money(amount)} would earn ` +
    `${who} ${money(gain)} of the platform's money: lower the cash-in commission or raise the ` +
    "cash-out fee's platform part"
  );
}

/**
 * Versions saved before commission plans had one commission for every agent
 * (cashIn.commission and cashOut.agentShareBps). Stored versions are history and are never
 * rewritten, so they are read as a single STANDARD plan with those rates.
 */
function fromOneCommissionForAll(json: unknown): unknown {
  if (!isRecord(json) || "commissionPlans" in json) return json;
  const { cashIn, cashOut, ...rest } = json;
  if (!isRecord(cashIn) || !isRecord(cashOut)) return json;
  const { commission, ...cashInRest } = cashIn;
  const { agentShareBps, ...cashOutRest } = cashOut;
  return {
    ...rest,
    cashIn: cashInRest,
    cashOut: cashOutRest,
    commissionPlans: {
      [DEFAULT_PLAN]: { name: "Standard", cashIn: commission, cashOutShareBps: agentShareBps },
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The operator controls of versions saved before they existed: today's defaults. */
export const DEFAULT_CONTROLS = {
  // KES 100,000.00 alone per operator per 24 hours.
  operatorFourEyesAbove: "10000000",
  // KES 10,000,000,000.00 of e-money issued against the platform's bank money.
  settlementLimit: "1000000000000",
} as const;

/**
 * Versions saved before the operator controls (or the disputes group) existed are read with
 * today's defaults (history is never rewritten).
 */
function withControls(json: unknown): unknown {
  if (!isRecord(json)) return json;
  return {
    ...json,
    operatorFourEyesAbove: json.operatorFourEyesAbove ?? DEFAULT_CONTROLS.operatorFourEyesAbove,
    settlementLimit: json.settlementLimit ?? DEFAULT_CONTROLS.settlementLimit,
    disputes: json.disputes ?? DISPUTE_DEFAULTS,
  };
}

/** The agent finder's settings of versions saved before it existed. */
export const DEFAULT_FINDER = { reservationMinutes: 30 } as const;

function withFinder(json: unknown): unknown {
  if (!isRecord(json)) return json;
  return { ...json, finder: json.finder ?? DEFAULT_FINDER };
}

/** The alert thresholds of versions saved before they existed. */
export const DEFAULT_LIQUIDITY = {
  // KES 10,000.00 of float, KES 5,000.00 of cash.
  lowFloat: "1000000",
  lowCash: "500000",
} as const;

/** Versions saved before the liquidity group are read with today's defaults. */
function withLiquidity(json: unknown): unknown {
  if (!isRecord(json) || "liquidity" in json) return json;
  return { ...json, liquidity: DEFAULT_LIQUIDITY };
}

function fromStored(json: unknown): unknown {
  return withLiquidity(withFinder(withControls(fromOneCommissionForAll(json))));
}

/** Any stored version, old shapes included, as the domain reads it. */
export const settingsSchema = z.preprocess(fromStored, settingsShape);

export type Settings = z.output<typeof settingsShape>;
export type SettingsJson = z.input<typeof settingsShape>;

/** A stored version's document in today's shape, for screens that show and edit it. */
export function settingsJsonOf(stored: unknown): SettingsJson {
  return fromStored(stored) as SettingsJson;
}
export type CommissionPlan = Settings["commissionPlans"][string];

/**
 * The seeded settings, in KES (exponent 2): values below are cents. The cash-in commission
 * stays below the platform's part of the cash-out fee at every amount (35-40 % of 1.5 %,
 * at least KES 3.50), so no round trip pays: at worst the platform keeps KES 1.83 of one
 * (round-trip.test.ts).
 */
export const DEFAULT_SETTINGS: SettingsJson = {
  currency: "KES",
  orderTtlSeconds: 600,
  cashIn: { fee: { bps: 0, min: "0", max: "0" } },
  cashOut: { fee: { bps: 150, min: "1000", max: "30000" } },
  commissionPlans: {
    STANDARD: {
      name: "Standard",
      cashIn: { bps: 20, min: "100", max: "5000" },
      cashOutShareBps: 6000,
    },
    HIGH_VOLUME: {
      name: "High volume",
      cashIn: { bps: 25, min: "150", max: "7500" },
      cashOutShareBps: 6500,
    },
  },
  tiers: {
    "1": {
      perOrderMin: "5000",
      perOrderMax: "7000000",
      perDay: "15000000",
      maxBalance: "30000000",
    },
    "2": {
      perOrderMin: "5000",
      perOrderMax: "15000000",
      perDay: "50000000",
      maxBalance: "100000000",
    },
    "3": {
      perOrderMin: "5000",
      perOrderMax: "25000000",
      perDay: "100000000",
      maxBalance: "500000000",
    },
  },
  ...DEFAULT_CONTROLS,
  finder: DEFAULT_FINDER,
  liquidity: DEFAULT_LIQUIDITY,
  disputes: { ...DISPUTE_DEFAULTS },
};

export function parseSettings(json: unknown): Settings {
  return settingsSchema.parse(json);
}

/**
 * The plan an agent is paid by under these settings. Plans are never dropped from a later
 * version, so a plan this version lacks was added after it: its rates then come from
 * `newer` (today's settings), and STANDARD is the last resort.
 */
export function planOf(settings: Settings, code: string, newer?: Settings): CommissionPlan {
  return (
    settings.commissionPlans[code] ??
    newer?.commissionPlans[code] ??
    settings.commissionPlans[DEFAULT_PLAN]!
  );
}

/** Plans of the previous version missing from the next: agents may be on them. */
export function droppedPlans(previous: Settings, next: Settings): string[] {
  return Object.keys(previous.commissionPlans).filter((code) => !(code in next.commissionPlans));
}
