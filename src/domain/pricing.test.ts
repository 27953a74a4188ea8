import { describe, expect, it } from "vitest";
import { DEFAULT_PLAN } from "./commission-plan";
import { checkLimits } from "./limits";
import { executionPostings, sumPostings } from "./postings";
import { commissionFor, quote } from "./pricing";
import {
  currentSettingsSchema,
  DEFAULT_SETTINGS,
  droppedPlans,
  parseSettings,
  planOf,
} from "./settings";

const settings = parseSettings(DEFAULT_SETTINGS);
const standard = planOf(settings, DEFAULT_PLAN);
const highVolume = planOf(settings, "HIGH_VOLUME");

/** The quote with what an agent on `plan` earns: what an order carries once claimed. */
function priced(type: "CASH_IN" | "CASH_OUT", amount: bigint, plan = standard) {
  const q = quote(type, amount, settings);
  return { ...q, commission: commissionFor(type, q, plan) };
}
const accounts = { wallet: 1n, float: 2n, commission: 3n, feeRevenue: 4n, commissionExpense: 5n };

describe("quote", () => {
  it("cash-in: no fee, the wallet gets the whole amount", () => {
    expect(quote("CASH_IN", 250_000n, settings)).toEqual({
      amount: 250_000n,
      fee: 0n,
      walletDelta: 250_000n,
    });
  });

  it("cash-out: fee 1.5% within its bounds on top of the amount", () => {
    expect(quote("CASH_OUT", 100_000n, settings)).toEqual({
      amount: 100_000n,
      fee: 1_500n,
      walletDelta: -101_500n,
    });
    expect(quote("CASH_OUT", 5_000n, settings).fee).toBe(1_000n);
    expect(quote("CASH_OUT", 7_000_000n, settings).fee).toBe(30_000n);
  });

  it("refuses zero and negative amounts", () => {
    expect(() => quote("CASH_IN", 0n, settings)).toThrow(/more than zero/);
    expect(() => quote("CASH_OUT", -5n, settings)).toThrow(/more than zero/);
  });

  it("refuses a cash-in whose fee would eat the whole amount", () => {
    const costly = parseSettings({
      ...DEFAULT_SETTINGS,
      cashIn: { ...DEFAULT_SETTINGS.cashIn, fee: { bps: 0, min: "100", max: "100" } },
    });
    expect(() => quote("CASH_IN", 100n, costly)).toThrow(/too small/);
  });
});

describe("commissionFor", () => {
  it("cash-in: the plan's rate on the amount within its bounds", () => {
    expect(priced("CASH_IN", 250_000n).commission).toBe(500n); // 0.2%
    expect(priced("CASH_IN", 5_000n).commission).toBe(100n); // minimum
    expect(priced("CASH_IN", 7_000_000n).commission).toBe(5_000n); // maximum
    expect(priced("CASH_IN", 250_000n, highVolume).commission).toBe(625n); // 0.25%
    expect(priced("CASH_IN", 5_000n, highVolume).commission).toBe(150n);
    expect(priced("CASH_IN", 7_000_000n, highVolume).commission).toBe(7_500n);
  });

  it("cash-out: the plan's share of the fee, never more than the fee", () => {
    expect(priced("CASH_OUT", 100_000n).commission).toBe(900n); // 60% of 1,500
    expect(priced("CASH_OUT", 100_000n, highVolume).commission).toBe(975n); // 65%
    const all = { ...standard, cashOutShareBps: 10_000 };
    expect(commissionFor("CASH_OUT", { amount: 100_001n, fee: 1_501n }, all)).toBe(1_501n);
  });

  it("pays a plan this version lacks at today's rates, else by the standard plan", () => {
    const { HIGH_VOLUME: _added, ...older } = DEFAULT_SETTINGS.commissionPlans;
    const before = parseSettings({ ...DEFAULT_SETTINGS, commissionPlans: older });
    expect(planOf(before, "HIGH_VOLUME", settings)).toBe(highVolume);
    expect(planOf(before, "HIGH_VOLUME")).toEqual(standard);
    expect(planOf(settings, "NOT_IN_ANY_VERSION", settings)).toBe(standard);
    expect(droppedPlans(settings, before)).toEqual(["HIGH_VOLUME"]);
    expect(droppedPlans(before, settings)).toEqual([]);
  });
});

describe("settings", () => {
  it("reads a version saved before plans as one standard plan with its rates", () => {
    const legacy = {
      ...DEFAULT_SETTINGS,
      commissionPlans: undefined,
      cashIn: { ...DEFAULT_SETTINGS.cashIn, commission: { bps: 40, min: "500", max: "15000" } },
      cashOut: { ...DEFAULT_SETTINGS.cashOut, agentShareBps: 6000 },
    };
    const { commissionPlans: _dropped, ...stored } = legacy;
    expect(parseSettings(stored).commissionPlans).toEqual({
      STANDARD: {
        name: "Standard",
        cashIn: { bps: 40, min: 500n, max: 15_000n },
        cashOutShareBps: 6000,
      },
    });
  });

  it("refuses a version without the standard plan or with a minimum above its maximum", () => {
    const { STANDARD: _gone, ...others } = DEFAULT_SETTINGS.commissionPlans;
    expect(() => parseSettings({ ...DEFAULT_SETTINGS, commissionPlans: others })).toThrow(
      /STANDARD plan is required/,
    );
    const upsideDown = { ...DEFAULT_SETTINGS.cashOut, fee: { bps: 150, min: "500", max: "100" } };
    const saved = { ...DEFAULT_SETTINGS, cashOut: upsideDown };
    expect(() => currentSettingsSchema.parse(saved)).toThrow(/minimum is above the maximum/);
    // A stored version is still read: a rule added later must not make history unreadable.
    expect(parseSettings(saved).cashOut.fee.min).toBe(500n);
    const badCode = { ...DEFAULT_SETTINGS.commissionPlans, "bad code": standardJson() };
    expect(() => parseSettings({ ...DEFAULT_SETTINGS, commissionPlans: badCode })).toThrow(
      /plan codes/,
    );
  });
});

function standardJson() {
  return DEFAULT_SETTINGS.commissionPlans[DEFAULT_PLAN]!;
}

describe("executionPostings", () => {
  it("always balance to zero and leave out zero postings", () => {
    for (const type of ["CASH_IN", "CASH_OUT"] as const) {
      for (const amount of [5_000n, 77_777n, 7_000_000n]) {
        const postings = executionPostings(type, priced(type, amount), accounts);
        expect(sumPostings(postings)).toBe(0n);
        expect(postings.every((p) => p.amount !== 0n)).toBe(true);
      }
    }
  });

  it("cash-in moves float to wallet and commission expense to the agent", () => {
    expect(executionPostings("CASH_IN", priced("CASH_IN", 250_000n), accounts)).toEqual([
      { accountId: 2n, amount: -250_000n },
      { accountId: 1n, amount: 250_000n },
      { accountId: 5n, amount: -500n },
      { accountId: 3n, amount: 500n },
    ]);
  });

  it("cash-out debits amount + fee, splits the fee between platform and agent", () => {
    expect(executionPostings("CASH_OUT", priced("CASH_OUT", 100_000n), accounts)).toEqual([
      { accountId: 1n, amount: -101_500n },
      { accountId: 2n, amount: 100_000n },
      { accountId: 4n, amount: 600n },
      { accountId: 3n, amount: 900n },
    ]);
  });
});

describe("checkLimits", () => {
  const base = {
    type: "CASH_IN" as const,
    currency: "KES",
    kycTier: 1,
    usedToday: 0n,
    projectedBalance: 0n,
  };

  it("passes an ordinary order", () => {
    expect(() =>
      checkLimits(settings, { ...base, amount: 10_000n, walletDelta: 10_000n }),
    ).not.toThrow();
  });

  it("names the limit that was hit", () => {
    expect(() => checkLimits(settings, { ...base, amount: 4_999n, walletDelta: 4_999n })).toThrow(
      /smallest amount is KES 50.00/,
    );
    expect(() => checkLimits(settings, { ...base, amount: 7_000_001n, walletDelta: 1n })).toThrow(
      /largest amount/,
    );
    expect(() =>
      checkLimits(settings, {
        ...base,
        amount: 100_000n,
        walletDelta: 100_000n,
        usedToday: 14_950_000n,
      }),
    ).toThrow(/daily limit of KES 150,000.00 \(KES 500.00 left today\)/);
    expect(() =>
      checkLimits(settings, {
        ...base,
        amount: 100_000n,
        walletDelta: 100_000n,
        projectedBalance: 29_950_000n,
      }),
    ).toThrow(/at most KES 300,000.00/);
  });

  it("raises the limits with the KYC tier", () => {
    const big = { ...base, amount: 10_000_000n, walletDelta: 10_000_000n };
    expect(() => checkLimits(settings, big)).toThrow(/largest amount/);
    expect(() => checkLimits(settings, { ...big, kycTier: 2 })).not.toThrow();
  });

  it("does not apply the wallet cap to cash-outs", () => {
    expect(() =>
      checkLimits(settings, {
        ...base,
        type: "CASH_OUT",
        amount: 10_000n,
        walletDelta: -11_000n,
        projectedBalance: 40_000_000n,
      }),
    ).not.toThrow();
  });
});
