import { describe, expect, it } from "vitest";
import { CASH_SERIES, cashBreakdown } from "./cash-breakdown";
import { CURRENCY_EXPONENTS, type CurrencyCode } from "./money";

const pieces = (amount: bigint, currency: CurrencyCode) =>
  cashBreakdown(amount, currency).pieces.map((p) => [p.kind, p.value, p.count]);

describe("cashBreakdown", () => {
  it("counts KES from the largest note down", () => {
    // KES 1,875 = 1000 + 500 + 200 + 100 + 50 + 20 + 5
    expect(pieces(187_500n, "KES")).toEqual([
      ["note", 100_000n, 1],
      ["note", 50_000n, 1],
      ["note", 20_000n, 1],
      ["note", 10_000n, 1],
      ["note", 5_000n, 1],
      ["coin", 2_000n, 1],
      ["coin", 500n, 1],
    ]);
    expect(cashBreakdown(187_500n, "KES").unpayable).toBe(0n);
  });

  it("uses several of one note when it fits several times", () => {
    expect(pieces(300_000n, "KES")).toEqual([["note", 100_000n, 3]]);
    expect(pieces(4_300n, "KES")).toEqual([
      ["coin", 2_000n, 2],
      ["coin", 100n, 3],
    ]);
  });

  it("says what is below the smallest coin instead of dropping it", () => {
    // KES 10.50: a 10 shilling coin, and 50 cents no coin in the current series pays.
    const b = cashBreakdown(1_050n, "KES");
    expect(b.pieces).toEqual([{ kind: "coin", value: 1_000n, count: 1 }]);
    expect(b.unpayable).toBe(50n);
    expect(cashBreakdown(99n, "KES")).toEqual({ currency: "KES", pieces: [], unpayable: 99n });
    // TZS has no coin below 50 shillings.
    expect(cashBreakdown(12_000n, "TZS").unpayable).toBe(2_000n);
  });

  it("handles currencies without minor units", () => {
    expect(pieces(75_250n, "UGX")).toEqual([
      ["note", 50_000n, 1],
      ["note", 20_000n, 1],
      ["note", 5_000n, 1],
      ["coin", 200n, 1],
      ["coin", 50n, 1],
    ]);
  });

  it("gives nothing for zero and refuses negative cash", () => {
    expect(cashBreakdown(0n, "KES")).toEqual({ currency: "KES", pieces: [], unpayable: 0n });
    expect(() => cashBreakdown(-1n, "KES")).toThrow(RangeError);
  });

  it("always adds back up to the amount, for every currency", () => {
    for (const currency of Object.keys(CASH_SERIES) as CurrencyCode[]) {
      for (const amount of [0n, 1n, 49n, 1_050n, 987_654n, 10n ** 13n]) {
        const b = cashBreakdown(amount, currency);
        const sum = b.pieces.reduce((s, p) => s + p.value * BigInt(p.count), 0n);
        expect(sum + b.unpayable).toBe(amount);
        expect(b.unpayable).toBeLessThan(CASH_SERIES[currency].denominations.at(-1)!.value);
      }
    }
  });

  it("has a series for every currency the settings allow, largest first, notes before coins", () => {
    expect(Object.keys(CASH_SERIES).sort()).toEqual(Object.keys(CURRENCY_EXPONENTS).sort());
    for (const series of Object.values(CASH_SERIES)) {
      const values = series.denominations.map((d) => d.value);
      expect(values).toEqual([...values].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
      expect(new Set(values).size).toBe(values.length);
      const kinds = series.denominations.map((d) => d.kind).join(",");
      expect(kinds).toMatch(/^(note,)*note(,coin)*$/);
      expect(series.source).not.toBe("");
    }
  });
});
