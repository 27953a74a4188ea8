import { describe, expect, it } from "vitest";
import { checkLimits } from "./limits";
import { executionPostings, sumPostings } from "./postings";
import { quote } from "./pricing";
import { DEFAULT_SETTINGS, parseSettings } from "./settings";

const settings = parseSettings(DEFAULT_SETTINGS);
const accounts = { wallet: 1n, float: 2n, commission: 3n, feeRevenue: 4n, commissionExpense: 5n };

describe("quote", () => {
  it("cash-in: no fee, commission 0.4% within its bounds", () => {
    expect(quote("CASH_IN", 250_000n, settings)).toEqual({
      amount: 250_000n,
      fee: 0n,
      commission: 1_000n,
      walletDelta: 250_000n,
    });
    expect(quote("CASH_IN", 5_000n, settings).commission).toBe(500n); // minimum
    expect(quote("CASH_IN", 7_000_000n, settings).commission).toBe(15_000n); // maximum
  });

  it("cash-out: fee 1.5% within bounds, agent gets 60% of it", () => {
    expect(quote("CASH_OUT", 100_000n, settings)).toEqual({
      amount: 100_000n,
      fee: 1_500n,
      commission: 900n,
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

describe("executionPostings", () => {
  it("always balance to zero and leave out zero postings", () => {
    for (const type of ["CASH_IN", "CASH_OUT"] as const) {
      for (const amount of [5_000n, 77_777n, 7_000_000n]) {
        const q = quote(type, amount, settings);
        const postings = executionPostings(type, q, accounts);
        expect(sumPostings(postings)).toBe(0n);
        expect(postings.every((p) => p.amount !== 0n)).toBe(true);
      }
    }
  });

  it("cash-in moves float to wallet and commission expense to the agent", () => {
    const q = quote("CASH_IN", 250_000n, settings);
    expect(executionPostings("CASH_IN", q, accounts)).toEqual([
      { accountId: 2n, amount: -250_000n },
      { accountId: 1n, amount: 250_000n },
      { accountId: 5n, amount: -1_000n },
      { accountId: 3n, amount: 1_000n },
    ]);
  });

  it("cash-out debits amount + fee, splits the fee between platform and agent", () => {
    const q = quote("CASH_OUT", 100_000n, settings);
    expect(executionPostings("CASH_OUT", q, accounts)).toEqual([
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
