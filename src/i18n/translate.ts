// Server-side words in the caller's language: refusals (DomainError), input checks, sign-in
// answers and SMS texts, all from the "errors" catalogue. Framework-free (use-intl's core,
// no React, no Next), so src/domain can name a refusal by key and the API renders it late,
// in the language of whoever asked. English is rendered eagerly as DomainError.message.
import { _createCache, _createIntlFormatters, createTranslator } from "use-intl/core";
import errorsEn from "../../messages/en/errors.json";
import errorsFr from "../../messages/fr/errors.json";
import errorsSw from "../../messages/sw/errors.json";
import errorsZh from "../../messages/zh/errors.json";
import { formatMinor } from "../domain/money-format";
import { DEFAULT_LOCALE, INTL_TAG, isLocale, type Locale } from "./locales";

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A message of messages/en/errors.json, dotted for nested groups ("input.pin"). */
export type ErrorKey = Leaves<typeof errorsEn>;

/** An amount in minor units: rendered per language with the currency's own exponent. */
export interface MoneyParam {
  amount: bigint;
  currency: string;
}
export type ErrorParam = string | number | Date | MoneyParam;
export type ErrorParams = Readonly<Record<string, ErrorParam>>;

export function money(amount: bigint, currency: string): MoneyParam {
  return { amount, currency };
}

const CATALOGUE: Readonly<Record<Locale, typeof errorsEn>> = {
  en: errorsEn,
  sw: errorsSw as typeof errorsEn,
  fr: errorsFr as typeof errorsEn,
  zh: errorsZh as typeof errorsEn,
};

// Parsed ICU messages and Intl formatters kept across calls: refusals are thrown in hot
// loops (the settings round-trip check tries thousands of amounts), and parsing each time
// costs far more than rendering.
const cache = _createCache();
const formatters = _createIntlFormatters(cache);

const translators = new Map<Locale, (key: string, values?: Record<string, unknown>) => string>();

function translator(locale: Locale) {
  let t = translators.get(locale);
  if (!t) {
    const made = createTranslator({
      // The Intl tag, not the bare language: numbers and plurals as written in Kenya.
      locale: INTL_TAG[locale] as Locale,
      messages: { errors: CATALOGUE[locale] },
      namespace: "errors",
      _cache: cache,
      _formatters: formatters,
      // The platform's clock, as on every screen (src/i18n/request.ts).
      timeZone: "Africa/Nairobi",
      // A missing translation must not throw inside an error path: the fallback below
      // answers in English instead (the catalogue test keeps this from happening).
      onError: () => {},
      getMessageFallback: ({ key }) => `\u0000${key}`,
    });
    t = made as unknown as (key: string, values?: Record<string, unknown>) => string;
    translators.set(locale, t);
  }
  return t;
}

function isMoney(value: ErrorParam): value is MoneyParam {
  return typeof value === "object" && !(value instanceof Date) && typeof value.amount === "bigint";
}

/** Money becomes text in the language before ICU sees it (ICU would go through a float). */
function prepared(locale: Locale, params: ErrorParams): Record<string, string | number | Date> {
  const out: Record<string, string | number | Date> = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] = isMoney(value)
      ? formatMinor(value.amount, value.currency, INTL_TAG[locale])
      : value;
  }
  return out;
}

/** One message of the errors catalogue in a language; English when the language lacks it. */
export function renderError(
  locale: Locale | string | null | undefined,
  key: ErrorKey,
  params: ErrorParams = {},
): string {
  const lang: Locale = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const text = translator(lang)(key, prepared(lang, params));
  if (text.startsWith("\u0000")) {
    return lang === DEFAULT_LOCALE ? key : renderError(DEFAULT_LOCALE, key, params);
  }
  return text;
}

/** Whether a string names a message of the errors catalogue ("errors.input.pin"). */
export function isErrorKey(value: string): value is `errors.${ErrorKey}` {
  if (!value.startsWith("errors.")) return false;
  let node: unknown = errorsEn;
  for (const part of value.slice("errors.".length).split(".")) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}

/**
 * An input check's message (zod issue messages are catalogue keys, "errors.input.pin") in a
 * language; any other text (zod's own defaults, free-text labels) is returned as it is.
 */
export function renderInputMessage(message: string, locale?: Locale | null): string {
  return isErrorKey(message)
    ? renderError(locale, message.slice("errors.".length) as ErrorKey)
    : message;
}

/** The zod message for an input check: the key, rendered late in the caller's language. */
export function inputKey<K extends ErrorKey & `input.${string}`>(key: K): `errors.${K}` {
  return `errors.${key}`;
}

/**
 * An error whose words are a catalogue key: `message` is English (logs, scripts, tests),
 * messageIn() any language. DomainError is one; so are the API's own refusals ("Please sign
 * in"), which have no domain code.
 */
export class Wording extends Error {
  constructor(
    readonly key: ErrorKey,
    readonly params: ErrorParams = {},
  ) {
    super();
    // Rendered when first read: most refusals caught inside the domain (a loop trying
    // amounts) are never shown, and the API renders the caller's language instead.
    let english: string | undefined;
    Object.defineProperty(this, "message", {
      get: () => {
        english ??= renderError(DEFAULT_LOCALE, key, params);
        return english;
      },
      enumerable: false,
      configurable: true,
    });
  }

  messageIn(locale: Locale | string | null | undefined): string {
    return renderError(locale, this.key, this.params);
  }
}

/** Duck-typed, so a copy of this module in another bundle chunk still counts. */
export function hasWording(error: unknown): error is Wording {
  return (
    error instanceof Error &&
    typeof (error as Partial<Wording>).messageIn === "function" &&
    typeof (error as Partial<Wording>).key === "string"
  );
}
