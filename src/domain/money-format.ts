// Currencies and how amounts are written for people, without the refusals of money.ts: the
// renderer of refusals (src/i18n/translate.ts) formats money with these, and DomainError
// renders through it, so this module must not import DomainError (an import cycle).

// ISO 4217 minor-unit exponents of the currencies ProxyPay can run in. Amounts are
// always integer minor units (bigint); this table is the only place that knows decimals.
export const CURRENCY_EXPONENTS = {
  KES: 2,
  TZS: 2,
  UGX: 0,
  GHS: 2,
  NGN: 2,
  XOF: 0,
  USD: 2,
} as const satisfies Record<string, number>;

export type CurrencyCode = keyof typeof CURRENCY_EXPONENTS;

export function isCurrencyCode(value: string): value is CurrencyCode {
  return Object.hasOwn(CURRENCY_EXPONENTS, value);
}

/**
 * Formats minor units for people, in a language (an Intl tag such as "fr-FR"; English as
 * written in Kenya when none is given): 125050n KES -> "KES 1,250.50", "1 250,50 KES" in
 * French. Always with the currency's own number of decimals, and exactly: the amount goes
 * to Intl as a decimal string, never through a float. English keeps a plain space after the
 * code, so receipts, SMS and logs read the same as they always have.
 */
export function formatMinor(amount: bigint, currency: string, locale = "en-KE"): string {
  const exponent = isCurrencyCode(currency) ? CURRENCY_EXPONENTS[currency] : 2;
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const scale = 10n ** BigInt(exponent);
  const fraction = exponent > 0 ? `.${(abs % scale).toString().padStart(exponent, "0")}` : "";
  const decimal = `${negative ? "-" : ""}${abs / scale}${fraction}` as `${number}`;
  const text = moneyFormat(locale, currency, exponent).format(decimal);
  return locale.startsWith("en") ? text.replace(/\u00a0/g, " ") : text;
}

const formats = new Map<string, Intl.NumberFormat>();

/** One Intl formatter per language and currency: building one costs far more than using it. */
function moneyFormat(locale: string, currency: string, exponent: number): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      currencyDisplay: "code",
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
    formats.set(key, format);
  }
  return format;
}
