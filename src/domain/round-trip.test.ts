import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commissionFor, quote } from "./pricing";
import { allowedAmounts, checkRoundTrips, worstRoundTrip } from "./round-trip";
import {
  currentSettingsSchema,
  DEFAULT_SETTINGS,
  parseSettings,
  type Settings,
  type SettingsJson,
} from "./settings";

/** The seeded settings before round trips were checked: commission 0.4-0.5 %, min 5.00. */
const FARMABLE: SettingsJson = {
  ...DEFAULT_SETTINGS,
  commissionPlans: {
    STANDARD: {
      name: "Standard",
      cashIn: { bps: 40, min: "500", max: "15000" },
      cashOutShareBps: 6000,
    },
    HIGH_VOLUME: {
      name: "High volume",
      cashIn: { bps: 50, min: "500", max: "25000" },
      cashOutShareBps: 7000,
    },
  },
};

/** What the customer and the agents serving each leg gain by one round trip of `amount`. */
function roundTripGain(s: Settings, amount: bigint, inPlan: string, outPlan: string) {
  let cashIn: ReturnType<typeof quote>;
  try {
    cashIn = quote("CASH_IN", amount, s);
  } catch {
    return null; // the cash-in fee eats the amount: it cannot go round
  }
  const cashOut = quote("CASH_OUT", amount, s);
  return (
    commissionFor("CASH_IN", cashIn, s.commissionPlans[inPlan]!) -
    cashIn.fee -
    cashOut.fee +
    commissionFor("CASH_OUT", cashOut, s.commissionPlans[outPlan]!)
  );
}

/** The best gain at `amount` over every pair of plans, by the real pricing. */
function bestGain(s: Settings, amount: bigint) {
  let best: bigint | null = null;
  for (const inPlan of Object.keys(s.commissionPlans)) {
    for (const outPlan of Object.keys(s.commissionPlans)) {
      const gain = roundTripGain(s, amount, inPlan, outPlan);
      if (gain !== null && (best === null || gain > best)) best = gain;
    }
  }
  return best;
}

describe("checkRoundTrips", () => {
  it("finds the cycle the old seeded settings paid for: KES 50.00 round earns KES 2.00", () => {
    const check = checkRoundTrips(parseSettings(FARMABLE));
    expect(check).toMatchObject({
      verdict: "farmable",
      witness: {
        amount: 5_000n,
        cashInPlan: "HIGH_VOLUME",
        cashOutPlan: "HIGH_VOLUME",
        gain: 200n,
      },
    });
    // And far more on large amounts: KES 250.00 commission against a KES 90.00 platform part.
    const worst = worstRoundTrip(parseSettings(FARMABLE));
    expect(worst).toMatchObject({ exact: true, witness: { gain: 16_000n } });
  });

  it("accepts the seeded settings: at worst the platform keeps KES 1.83 of a round trip", () => {
    const settings = parseSettings(DEFAULT_SETTINGS);
    expect(checkRoundTrips(settings).verdict).toBe("safe");
    const worst = worstRoundTrip(settings);
    expect(worst.exact).toBe(true);
    expect(worst.witness?.gain).toBe(-183n);
    expect(bestGain(settings, worst.witness!.amount)).toBe(-183n);
    expect(() => currentSettingsSchema.parse(DEFAULT_SETTINGS)).not.toThrow();
  });

  it("counts two agents splitting the legs: the best commission and the best share", () => {
    const plans: SettingsJson["commissionPlans"] = {
      // Neither plan alone pays: 2.00 + 79 % of 10.00 < 10.00, 5.00 + 40 % of 10.00 < 10.00.
      STANDARD: {
        name: "Standard",
        cashIn: { bps: 0, min: "200", max: "200" },
        cashOutShareBps: 7900,
      },
      GENEROUS: {
        name: "Generous",
        cashIn: { bps: 0, min: "500", max: "500" },
        cashOutShareBps: 4000,
      },
    };
    const settings = parseSettings({
      ...DEFAULT_SETTINGS,
      cashOut: { fee: { bps: 0, min: "1000", max: "1000" } },
      commissionPlans: plans,
    });
    expect(
      bestGain(
        { ...settings, commissionPlans: { STANDARD: settings.commissionPlans.STANDARD! } },
        5_000n,
      ),
    ).toBeLessThan(0n);
    expect(checkRoundTrips(settings)).toMatchObject({
      verdict: "farmable",
      witness: { amount: 5_000n, cashInPlan: "GENEROUS", cashOutPlan: "STANDARD", gain: 290n },
    });
    expect(() =>
      currentSettingsSchema.parse({
        ...DEFAULT_SETTINGS,
        cashOut: { fee: { bps: 0, min: "1000", max: "1000" } },
        commissionPlans: plans,
      }),
    ).toThrow(
      "A cash-in of KES 50.00 followed by a cash-out of KES 50.00 would earn the customer and two agents, on Generous for the cash-in and on Standard for the cash-out, KES 2.90 of the platform's money",
    );
  });

  it("skips amounts the cash-in fee would eat, and amounts no tier allows", () => {
    // Commission 5.00 flat against fees of 1.00 in and 3.00 out: every amount that can go round pays.
    const base = parseSettings({
      ...DEFAULT_SETTINGS,
      cashIn: { fee: { bps: 0, min: "100", max: "100" } },
      cashOut: { fee: { bps: 0, min: "300", max: "300" } },
      commissionPlans: {
        STANDARD: {
          name: "Standard",
          cashIn: { bps: 0, min: "500", max: "500" },
          cashOutShareBps: 0,
        },
      },
      tiers: {
        "1": { perOrderMin: "1", perOrderMax: "300", perDay: "1000", maxBalance: "1000" },
        "2": { perOrderMin: "1", perOrderMax: "300", perDay: "1000", maxBalance: "1000" },
        "3": { perOrderMin: "1", perOrderMax: "300", perDay: "1000", maxBalance: "1000" },
      },
    });
    // 1 and 100 cannot be cashed in (the fee would take it all); 101 can.
    expect(checkRoundTrips(base)).toMatchObject({ verdict: "farmable", witness: { amount: 101n } });
    const gappy = {
      ...base,
      tiers: {
        "1": { perOrderMin: 1n, perOrderMax: 50n, perDay: 1000n, maxBalance: 1000n },
        "2": { perOrderMin: 60n, perOrderMax: 100n, perDay: 1000n, maxBalance: 1000n },
        "3": { perOrderMin: 90n, perOrderMax: 99n, perDay: 1000n, maxBalance: 1000n },
      },
    };
    expect(allowedAmounts(gappy)).toEqual([
      [1n, 50n],
      [60n, 100n],
    ]);
    expect(checkRoundTrips(gappy).verdict).toBe("safe");
  });

  it("refuses, asking for a margin, when the work cap runs out before a verdict", () => {
    // Commission 0.6 % against a platform part of 40 % of 1.5 %: only rounding decides.
    const knifeEdge: SettingsJson = {
      ...DEFAULT_SETTINGS,
      cashOut: { fee: { bps: 150, min: "0", max: "10000000" } },
      commissionPlans: {
        STANDARD: {
          name: "Standard",
          cashIn: { bps: 60, min: "0", max: "10000000" },
          cashOutShareBps: 6000,
        },
      },
    };
    expect(checkRoundTrips(parseSettings(knifeEdge), 5_000).verdict).toBe("undecided");
    expect(() => currentSettingsSchema.parse(knifeEdge)).toThrow(/leave a clear margin/);
  });
});

describe("saving settings", () => {
  it("refuses farmable prices in the operator's words, yet reads them from history", () => {
    const result = currentSettingsSchema.safeParse(FARMABLE);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      "A cash-in of KES 50.00 followed by a cash-out of KES 50.00 would earn the customer and an agent on High volume KES 2.00 of the platform's money: lower the cash-in commission or raise the cash-out fee's platform part",
    ]);
    expect(parseSettings(FARMABLE).commissionPlans.HIGH_VOLUME?.cashIn.min).toBe(500n);
  });

  it("reports the other mistakes first, without a round-trip verdict on broken bounds", () => {
    const upsideDown = {
      ...FARMABLE,
      cashOut: { fee: { bps: 150, min: "500", max: "100" } },
    };
    const result = currentSettingsSchema.safeParse(upsideDown);
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      "the minimum is above the maximum",
    ]);
  });
});

// Random settings in KES: fee rules, several plans and tiers around the seeded magnitudes, with
// amounts kept small enough in some runs that every amount can be tried one by one.
const feeRule = (maxBps: number, maxMin: number, maxSpan: number) =>
  fc
    .record({
      bps: fc.integer({ min: 0, max: maxBps }),
      min: fc.integer({ min: 0, max: maxMin }),
      span: fc.integer({ min: 0, max: maxSpan }),
    })
    .map(({ bps, min, span }) => ({ bps, min: String(min), max: String(min + span) }));

const settingsArb = (maxAmount: number) =>
  fc
    .boolean()
    .chain((careful) =>
      // Careful operators keep commissions low and the cash-out fee's floor high; others not.
      fc.record({
        cashInFee: fc.oneof(fc.constant({ bps: 0, min: "0", max: "0" }), feeRule(100, 300, 5_000)),
        cashOutFee: careful ? feeRule(300, 3_000, 40_000) : feeRule(300, 1_000, 40_000),
        plans: fc.array(
          fc.record({
            cashIn: careful ? feeRule(30, 400, 10_000) : feeRule(100, 1_500, 30_000),
            cashOutShareBps: fc.integer({ min: 0, max: careful ? 7_000 : 10_000 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        tiers: fc.array(
          fc
            .tuple(fc.integer({ min: 1, max: maxAmount }), fc.integer({ min: 1, max: maxAmount }))
            .map(([a, b]) => (a <= b ? [a, b] : [b, a])),
          { minLength: 3, maxLength: 3 },
        ),
      }),
    )
    .map(
      ({ cashInFee, cashOutFee, plans, tiers }): Settings =>
        parseSettings({
          ...DEFAULT_SETTINGS,
          cashIn: { fee: cashInFee },
          cashOut: { fee: cashOutFee },
          commissionPlans: Object.fromEntries(
            plans.map((p, i) => [i === 0 ? "STANDARD" : `PLAN_${i}`, { name: `Plan ${i}`, ...p }]),
          ),
          tiers: Object.fromEntries(
            tiers.map(([lo, hi], i) => [
              String(i + 1),
              {
                perOrderMin: String(lo),
                perOrderMax: String(hi),
                perDay: String(hi),
                maxBalance: String(hi),
              },
            ]),
          ),
        }),
    );

/** Amounts to try: random ones over the allowed range, its ends, and every clamp's corners. */
function sampleAmounts(s: Settings, fractions: number[]): bigint[] {
  const ranges = allowedAmounts(s);
  const inRange = (a: bigint) => ranges.some(([lo, hi]) => lo <= a && a <= hi);
  const corners: bigint[] = [];
  const rules = [
    s.cashIn.fee,
    s.cashOut.fee,
    ...Object.values(s.commissionPlans).map((p) => p.cashIn),
  ];
  for (const rule of rules) {
    if (rule.bps === 0) continue;
    for (const edge of [rule.min, rule.max]) {
      const at = (edge * 10_000n) / BigInt(rule.bps);
      for (let d = -2n; d <= 2n; d += 1n) corners.push(at + d);
    }
  }
  const spread = fractions.map((f) => {
    const [lo, hi] = ranges[Math.floor(f * ranges.length) % ranges.length]!;
    return lo + ((hi - lo) * BigInt(Math.floor(f * 1e9))) / 1_000_000_000n;
  });
  return [...ranges.flat(), ...spread, ...corners].filter(inRange);
}

const runs = Number(process.env.PROPERTY_RUNS ?? 150);
const BUDGET = 20_000;

describe("checkRoundTrips over random settings", () => {
  it("accepts only prices where no amount, for any pair of plans, gains; a witness really gains", () => {
    const verdicts = { safe: 0, farmable: 0, undecided: 0 };
    fc.assert(
      fc.property(
        settingsArb(25_000_000),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), {
          minLength: 200,
          maxLength: 200,
        }),
        (s, fractions) => {
          const check = checkRoundTrips(s, BUDGET);
          verdicts[check.verdict] += 1;
          if (check.verdict === "safe") {
            for (const amount of sampleAmounts(s, fractions)) {
              const gain = bestGain(s, amount);
              if (gain !== null) expect(gain, `amount ${amount}`).toBeLessThanOrEqual(0n);
            }
          }
          if (check.verdict === "farmable") {
            const { amount, cashInPlan, cashOutPlan, gain } = check.witness;
            expect(allowedAmounts(s).some(([lo, hi]) => lo <= amount && amount <= hi)).toBe(true);
            expect(gain).toBeGreaterThan(0n);
            expect(roundTripGain(s, amount, cashInPlan, cashOutPlan)).toBe(gain);
          }
        },
      ),
      { numRuns: runs },
    );
    // Both verdicts must come up, or the property proves nothing.
    expect(verdicts.safe).toBeGreaterThan(runs / 10);
    expect(verdicts.farmable).toBeGreaterThan(runs / 10);
  });

  it("agrees with trying every amount one by one, and finds the exact worst round trip", () => {
    fc.assert(
      fc.property(settingsArb(4_000), (s) => {
        let worst: bigint | null = null;
        for (const [lo, hi] of allowedAmounts(s)) {
          for (let amount = lo; amount <= hi; amount += 1n) {
            const gain = bestGain(s, amount);
            if (gain !== null && (worst === null || gain > worst)) worst = gain;
          }
        }
        const check = checkRoundTrips(s, BUDGET);
        if (check.verdict !== "undecided") {
          expect(check.verdict).toBe(worst !== null && worst > 0n ? "farmable" : "safe");
        }
        const found = worstRoundTrip(s, BUDGET);
        if (found.exact) expect(found.witness?.gain ?? null).toBe(worst);
      }),
      { numRuns: Math.ceil(runs / 3) },
    );
  });
});
