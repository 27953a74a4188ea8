import type { CashBreakdown } from "./cash-breakdown";
import { CURRENCY_EXPONENTS, type CurrencyCode, isCurrencyCode } from "./money";

/**
 * Sentences about money that are read aloud or stand in for a picture: the words come from
 * a table per language and every number goes through Intl for that language, so adding a
 * language is adding a table entry (and, later, its next-intl messages), not new code.
 * Only English exists today; asking for any other language returns null, so a caller can
 * say "no words for this language" instead of speaking English to someone who asked for
 * Swahili.
 */

/** Who is on the other side of the counter. The agent's tablet sees a masked phone only. */
export type OtherParty =
  | { kind: "agent"; shopName: string | null }
  | { kind: "customer"; phoneEnd: string };

export type SpokenScreen =
  | "customer-approval"
  | "customer-receipt"
  | "agent-preview"
  | "agent-receipt";

export interface SpokenOrder {
  screen: SpokenScreen;
  type: "CASH_IN" | "CASH_OUT";
  currency: CurrencyCode;
  /** Cash that changes hands at the counter. */
  cash: bigint;
  fee: bigint;
  /** What the customer's wallet gains or pays; the customer's screens say it. */
  wallet?: bigint;
  otherParty: OtherParty;
}

interface Phrases {
  /** Names of the minor unit, [one, other], for currencies that have one. */
  minorUnit: Partial<Record<CurrencyCode, readonly [string, string]>>;
  and: string;
  noFee: (done: boolean) => string;
  fee: (money: string, done: boolean, customersFee: boolean) => string;
  lines: (o: SpokenOrder, money: (v: bigint) => string) => string[];
  party: (p: OtherParty) => string;
  piece: (kind: "note" | "coin", count: number, face: string) => string;
  unpayable: (money: string) => string;
  noCash: string;
}

const EN: Phrases = {
  minorUnit: {
    KES: ["cent", "cents"],
    TZS: ["cent", "cents"],
    GHS: ["pesewa", "pesewas"],
    NGN: ["kobo", "kobo"],
    USD: ["cent", "cents"],
  },
  and: "and",
  noFee: (done) => (done ? "There was no fee." : "There is no fee."),
  fee: (money, done, customersFee) =>
    `${customersFee ? "The customer's fee" : "The fee"} ${done ? "was" : "is"} ${money}.`,
  lines: (o, money) => {
    const cash = money(o.cash);
    const wallet = o.wallet === undefined ? null : money(o.wallet);
    const cashIn = o.type === "CASH_IN";
    switch (o.screen) {
      case "customer-approval":
        return [`You will receive ${cash} in cash.`, wallet ? `Your wallet pays ${wallet}.` : ""];
      case "customer-receipt":
        return cashIn
          ? [
              `Cash-in complete. You gave ${cash} in cash.`,
              wallet ? `Your wallet received ${wallet}.` : "",
            ]
          : [
              `Cash-out paid. Collect ${cash} in cash.`,
              wallet ? `Your wallet paid ${wallet}.` : "",
            ];
      case "agent-preview":
        return [
          cashIn
            ? `Take ${cash} in cash from the customer, count it, then confirm.`
            : `The customer takes out ${cash} in cash. Wait for the customer to approve.`,
        ];
      case "agent-receipt":
        return [
          cashIn
            ? `Cash-in complete. Keep the ${cash} in cash.`
            : `Paid. Hand over ${cash} in cash now.`,
        ];
    }
  },
  party: (p) =>
    p.kind === "agent"
      ? `Agent: ${p.shopName ?? "not known"}.`
      : // Digit by digit: "001" read as a number would be "one".
        `Customer: phone number ending ${[...p.phoneEnd].join(" ")}.`,
  piece: (kind, count, face) => `${count} ${kind}${count === 1 ? "" : "s"} of ${face}`,
  unpayable: (money) => `${money} cannot be paid in coins`,
  noCash: "no cash",
};

const PHRASES: Record<string, Phrases> = { en: EN };

function phrasesFor(language: string): Phrases | null {
  const primary = language.toLowerCase().split(/[-_]/)[0] ?? "";
  return PHRASES[primary] ?? null;
}

/** Whether this module has words for the language (a BCP 47 tag, e.g. "en", "en-KE"). */
export function hasSpokenWords(language: string): boolean {
  return phrasesFor(language) !== null;
}

/**
 * An amount as a speech engine says it well: "1,250 Kenyan shillings and 50 cents" rather
 * than "KES 1,250.50", which engines read letter by letter or as "point five zero". The
 * currency's name and the number come from Intl for the language.
 */
function moneyWords(
  language: string,
  phrases: Phrases,
  amount: bigint,
  currency: CurrencyCode,
): string {
  return spokenMoney(language, amount, currency, minorWordsOf(language, phrases, currency));
}

function minorWordsOf(language: string, phrases: Phrases, currency: CurrencyCode): MinorWords {
  const unit = phrases.minorUnit[currency];
  return {
    minor: unit
      ? (count) =>
          `${new Intl.NumberFormat(language).format(count)} ${
            new Intl.PluralRules(language).select(count) === "one" ? unit[0] : unit[1]
          }`
      : null,
    and: (whole, minor) => `${whole} ${phrases.and} ${minor}`,
  };
}

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

/**
 * The sentence the read-aloud button says: the cash, the fee and who is on the other side
 * of the counter, in the words of the screen it is on. Null when there are no words for the
 * language.
 */
/**
 * The sentence for an order as a screen holds it (its currency a plain string), per
 * language: null for a currency or a language with no spoken words.
 */
export function spokenFor(
  order: Omit<SpokenOrder, "currency"> & { currency: string },
): (language: string) => string | null {
  return (language) => {
    const currency = order.currency;
    if (!isCurrencyCode(currency)) return null;
    return spokenSummary({ ...order, currency }, language);
  };
}

export function spokenSummary(order: SpokenOrder, language: string): string | null {
  const phrases = phrasesFor(language);
  if (!phrases) return null;
  const money = (v: bigint) => moneyWords(language, phrases, v, order.currency);
  const done = order.screen === "customer-receipt" || order.screen === "agent-receipt";
  const lines = phrases.lines(order, money);
  const fee =
    order.fee === 0n
      ? phrases.noFee(done)
      : phrases.fee(money(order.fee), done, order.otherParty.kind === "customer");
  // The fee right after the cash: the two figures people check first.
  return [lines[0], fee, ...lines.slice(1), phrases.party(order.otherParty)]
    .filter(Boolean)
    .join(" ");
}

/** A breakdown in words, the text equivalent of the note and coin chips. Null as above. */
export function describeCash(breakdown: CashBreakdown, language: string): string | null {
  const phrases = phrasesFor(language);
  if (!phrases) return null;
  return describeCashWith(breakdown, language, {
    ...minorWordsOf(language, phrases, breakdown.currency),
    piece: phrases.piece,
    unpayable: phrases.unpayable,
    noCash: phrases.noCash,
  });
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
