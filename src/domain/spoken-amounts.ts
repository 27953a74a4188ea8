import type { CashBreakdown } from "./cash-breakdown";
import { CURRENCY_EXPONENTS, type CurrencyCode } from "./money";

/**
 * Money as it is read aloud or stands in for a picture: every number and currency name
 * through Intl for the language, the words around them given by the caller (each screen
 * takes them from its message catalogue, so a language is a catalogue, not code). The
 * sentences themselves live in the catalogues: customer.spoken, agent.spoken, common.ui.cash.
 */

/** How one language says the part of an amount below one unit, and joins it to the rest. */
export interface MinorWords {
  /** "50 cents"; null when the language has no name for the currency's minor unit. */
  minor: ((count: number) => string) | null;
  /** "1,250 Kenyan shillings" and "50 cents" together. */
  and: (whole: string, minor: string) => string;
}

/**
 * An amount in words for a speech engine, in `language` (a BCP 47 tag), with the words for
 * the minor unit given by the caller (a screen takes them from its message catalogue). The
 * currency's name and the numbers come from Intl.
 */
export function spokenMoney(
  language: string,
  amount: bigint,
  currency: CurrencyCode,
  words: MinorWords,
): string {
  const exponent = CURRENCY_EXPONENTS[currency];
  const scale = 10n ** BigInt(exponent);
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const whole = abs / scale;
  const minor = abs % scale;
  const named = new Intl.NumberFormat(language, {
    style: "currency",
    currency,
    currencyDisplay: "name",
    maximumFractionDigits: 0,
  });
  if (minor === 0n) return named.format(negative ? -whole : whole);
  if (!words.minor) {
    // No name for the minor unit in this language: let Intl say the decimals. Exact enough:
    // a number is exact to 2^53 and amounts stop at 1e13 minor units.
    return new Intl.NumberFormat(language, {
      style: "currency",
      currency,
      currencyDisplay: "name",
    }).format(Number(amount) / Number(scale));
  }
  // The minor part is below the currency's scale (at most 10^exponent): a safe number.
  const minorText = words.minor(Number(minor));
  if (whole === 0n) return `${negative ? "-" : ""}${minorText}`;
  return words.and(named.format(negative ? -whole : whole), minorText);
}

/** The words a breakdown is said with, in one language (a screen takes them from its catalogue). */
export interface CashWords extends MinorWords {
  piece: (kind: "note" | "coin", count: number, face: string) => string;
  unpayable: (money: string) => string;
  noCash: string;
}

/** describeCash with the caller's words: any language the caller has words for. */
export function describeCashWith(
  breakdown: CashBreakdown,
  language: string,
  words: CashWords,
): string {
  const money = (v: bigint) => spokenMoney(language, v, breakdown.currency, words);
  const parts = breakdown.pieces.map((p) => words.piece(p.kind, p.count, money(p.value)));
  if (breakdown.unpayable > 0n) parts.push(words.unpayable(money(breakdown.unpayable)));
  if (parts.length === 0) return words.noCash;
  return new Intl.ListFormat(language, { type: "conjunction" }).format(parts);
}
