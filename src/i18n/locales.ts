// The languages of the platform, and how a request's language is chosen. Framework-free:
// the server's request config (request.ts), the API's error rendering and the tests share it.

export const LOCALES = ["en", "sw", "fr", "zh"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The device's explicit choice (set by the language switcher; readable by the page). */
export const LOCALE_COOKIE = "pp_locale";

/** Each language named in itself: someone who reads only Kiswahili must find "Kiswahili". */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  en: "English",
  sw: "Kiswahili",
  fr: "Français",
  zh: "中文",
};

/**
 * The tag handed to Intl for numbers, dates and plurals. English and Kiswahili as written in
 * Kenya (day before month, 24-hour times in Kiswahili); French and Chinese as standard.
 */
export const INTL_TAG: Readonly<Record<Locale, string>> = {
  en: "en-KE",
  sw: "sw-KE",
  fr: "fr-FR",
  zh: "zh-CN",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best of our languages for an Accept-Language header ("sw-KE,sw;q=0.9,en;q=0.8"), by
 * the browser's weights; a region or script tag matches its language ("zh-Hans-CN" -> zh).
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const ranked = acceptLanguage
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return {
        language: tag.trim().toLowerCase().split("-")[0] ?? "",
        q: q ? Number(q) : 1,
        index,
      };
    })
    .filter((entry) => entry.q > 0 && Number.isFinite(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isLocale) ?? null;
}

/**
 * A request's language: the device's explicit choice first (the switcher on this screen),
 * then the account's remembered choice (carried in the session from sign-in), then the
 * browser's languages, then English.
 */
export function chooseLocale(input: {
  cookie?: string | null;
  account?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  if (isLocale(input.cookie)) return input.cookie;
  if (isLocale(input.account)) return input.account;
  return negotiateLocale(input.acceptLanguage) ?? DEFAULT_LOCALE;
}
