import { describe, expect, it } from "vitest";
import { currentSettingsSchema, DEFAULT_SETTINGS, parseSettings } from "./settings";

describe("currentSettingsSchema", () => {
  it.each([-1, -(2 ** 31) - 1, -1e308])(
    "refuses a negative rate (%s) with a message instead of running the round-trip check on it",
    (bps) => {
      const settings = {
        ...DEFAULT_SETTINGS,
        cashIn: { fee: { ...DEFAULT_SETTINGS.cashIn.fee, bps } },
      };
      const result = currentSettingsSchema.safeParse(settings);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(["cashIn", "fee", "bps"]);
    },
  );

  it("refuses a plan name with a NUL, a lone surrogate or a direction override", () => {
    for (const name of ["A\u0000B", "Gold\uD800", "Go\u202Eld"]) {
      const settings = {
        ...DEFAULT_SETTINGS,
        commissionPlans: {
          ...DEFAULT_SETTINGS.commissionPlans,
          STANDARD: { ...DEFAULT_SETTINGS.commissionPlans.STANDARD!, name },
        },
      };
      const result = currentSettingsSchema.safeParse(settings);
      expect(result.success, JSON.stringify(name)).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(["commissionPlans", "STANDARD", "name"]);
    }
  });
});

describe("the disputes group", () => {
  it("reads a version saved before it existed with the defaults (24 hours, 3 a month)", () => {
    const { disputes: _added, ...older } = DEFAULT_SETTINGS;
    expect(parseSettings(older).disputes).toEqual({ windowHours: 24, monthlyCap: 3 });
  });

  it("refuses a window or a cap of zero", () => {
    for (const disputes of [
      { windowHours: 0, monthlyCap: 3 },
      { windowHours: 24, monthlyCap: 0 },
    ]) {
      expect(currentSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, disputes }).success).toBe(
        false,
      );
    }
  });
});
