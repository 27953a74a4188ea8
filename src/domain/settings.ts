import { z } from "zod";
import { CURRENCY_EXPONENTS, type CurrencyCode } from "./money";

// Platform settings are stored as versioned JSON rows (config_versions); every order records
// the version it was priced with, so a change applies to new orders only. Amounts are minor
// units kept as decimal strings in JSON (JSON has no bigint) and parsed to bigint here.
const minor = z
  .string()
  .regex(/^\d{1,13}$/, "minor units as a string of digits")
  .transform((s) => BigInt(s));
const bps = z.number().int().min(0).max(10_000);

const feeRule = z.strictObject({ bps, min: minor, max: minor });

const tierLimits = z.strictObject({
  perOrderMin: minor,
  perOrderMax: minor,
  perDay: minor,
  maxBalance: minor,
});

export const settingsSchema = z.strictObject({
  currency: z.enum(Object.keys(CURRENCY_EXPONENTS) as [CurrencyCode, ...CurrencyCode[]]),
  orderTtlSeconds: z.number().int().min(60).max(86_400),
  cashIn: z.strictObject({ fee: feeRule, commission: feeRule }),
  cashOut: z.strictObject({ fee: feeRule, agentShareBps: bps }),
  tiers: z.record(z.enum(["1", "2", "3"]), tierLimits),
});

export type Settings = z.output<typeof settingsSchema>;
export type SettingsJson = z.input<typeof settingsSchema>;

/** The seeded settings, in KES (exponent 2): values below are cents. */
export const DEFAULT_SETTINGS: SettingsJson = {
  currency: "KES",
  orderTtlSeconds: 600,
  cashIn: {
    fee: { bps: 0, min: "0", max: "0" },
    commission: { bps: 40, min: "500", max: "15000" },
  },
  cashOut: {
    fee: { bps: 150, min: "1000", max: "30000" },
    agentShareBps: 6000,
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
};

export function parseSettings(json: unknown): Settings {
  return settingsSchema.parse(json);
}
