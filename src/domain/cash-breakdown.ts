import type { CurrencyCode } from "./money";

/** One banknote or coin of a currency's current series, its face value in minor units. */
export interface Denomination {
  value: bigint;
  kind: "note" | "coin";
}

export interface CashSeries {
  /** Largest first: the breakdown walks the list in this order. */
  denominations: readonly Denomination[];
  /** Where the list comes from, so whoever updates it knows where to look. */
  source: string;
}

const note = (value: bigint): Denomination => ({ value, kind: "note" });
const coin = (value: bigint): Denomination => ({ value, kind: "coin" });

/**
 * The notes and coins in everyday circulation, per currency ProxyPay can run in (every
 * code of CURRENCY_EXPONENTS, which the settings' currency enum is built from). Values are
 * minor units: KES 1000 is 100000n. Where a face value exists both as a note and as a
 * coin, the form people mostly hand over is listed; denominations still legal tender but
 * rarely seen (KES 50 cents, USD 2 dollars and 50 cents) are left out, because a breakdown
 * that asks for them tells the customer to expect something they will not get.
 */
export const CASH_SERIES = {
  KES: {
    denominations: [
      note(100_000n),
      note(50_000n),
      note(20_000n),
      note(10_000n),
      note(5_000n),
      coin(2_000n),
      coin(1_000n),
      coin(500n),
      coin(100n),
    ],
    source:
      "Central Bank of Kenya: new generation banknotes (2019) 50-1000 shillings; new generation coins 1, 5, 10, 20 shillings, issued 11 December 2018 (centralbank.go.ke New-Generation-Coins-Poster.pdf)",
  },
  TZS: {
    denominations: [
      note(1_000_000n),
      note(500_000n),
      note(200_000n),
      note(100_000n),
      coin(50_000n),
      coin(20_000n),
      coin(10_000n),
      coin(5_000n),
    ],
    source:
      "Bank of Tanzania: banknotes 1000-10000 shillings (2011 series); coins 50, 100, 200, 500 shillings",
  },
  UGX: {
    denominations: [
      note(50_000n),
      note(20_000n),
      note(10_000n),
      note(5_000n),
      note(2_000n),
      note(1_000n),
      coin(500n),
      coin(200n),
      coin(100n),
      coin(50n),
    ],
    source:
      "Bank of Uganda: banknotes 1000-50000 shillings (2010 series); coins 50, 100, 200, 500 shillings (the 1000 coin circulates less than the note)",
  },
  GHS: {
    denominations: [
      note(20_000n),
      note(10_000n),
      note(5_000n),
      note(2_000n),
      note(1_000n),
      note(500n),
      coin(200n),
      coin(100n),
      coin(50n),
      coin(20n),
      coin(10n),
      coin(5n),
      coin(1n),
    ],
    source:
      "Bank of Ghana: banknotes 5-200 cedis; coins 1 pesewa to 2 cedis (the 1 and 2 cedi notes circulate less than the coins)",
  },
  NGN: {
    denominations: [
      note(100_000n),
      note(50_000n),
      note(20_000n),
      note(10_000n),
      note(5_000n),
      note(2_000n),
      note(1_000n),
      note(500n),
      coin(200n),
      coin(100n),
      coin(50n),
    ],
    source:
      "Central Bank of Nigeria: banknotes 5-1000 naira; coins 50 kobo, 1 and 2 naira (smaller kobo coins are no longer seen)",
  },
  XOF: {
    denominations: [
      note(10_000n),
      note(5_000n),
      note(2_000n),
      note(1_000n),
      note(500n),
      coin(250n),
      coin(200n),
      coin(100n),
      coin(50n),
      coin(25n),
      coin(10n),
      coin(5n),
      coin(1n),
    ],
    source:
      "BCEAO: banknotes 500-10000 francs (2012 series); coins 1-250 francs (the 500 coin circulates beside the note)",
  },
  USD: {
    denominations: [
      note(10_000n),
      note(5_000n),
      note(2_000n),
      note(1_000n),
      note(500n),
      note(100n),
      coin(25n),
      coin(10n),
      coin(5n),
      coin(1n),
    ],
    source:
      "US Bureau of Engraving and Printing and US Mint: notes 1-100 dollars, coins 1-25 cents in everyday use",
  },
} as const satisfies Record<CurrencyCode, CashSeries>;

export interface CashPiece extends Denomination {
  count: number;
}

export interface CashBreakdown {
  currency: CurrencyCode;
  /** Largest first, only the denominations used. */
  pieces: CashPiece[];
  /**
   * What is left below the smallest coin, in minor units: it cannot be handed over as
   * cash, and the screen must say so rather than hide it.
   */
  unpayable: bigint;
}

/**
 * Splits an amount into notes and coins the way a cashier counts it: as many of the largest
 * as fit, then the next. For the series above this gives the fewest pieces, except where a
 * series has both 250 and 200 (XOF 400 is 250+100+50, not 200+200); a counter does the same.
 */
export function cashBreakdown(amount: bigint, currency: CurrencyCode): CashBreakdown {
  if (amount < 0n) throw new RangeError("cash cannot be negative");
  const pieces: CashPiece[] = [];
  let rest = amount;
  for (const d of CASH_SERIES[currency].denominations) {
    const count = rest / d.value;
    if (count === 0n) continue;
    // At most MAX_AMOUNT_MINOR (1e13) pieces: well inside a double's exact integers.
    pieces.push({ ...d, count: Number(count) });
    rest -= count * d.value;
  }
  return { currency, pieces, unpayable: rest };
}
