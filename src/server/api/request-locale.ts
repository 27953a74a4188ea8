import { chooseLocale, LOCALE_COOKIE, type Locale } from "@/i18n/locales";
import { readCookie } from "../security/device-cookie";

/** A fetch Request's headers, or the plain object next-auth hands authorize(). */
type HeaderSource = Headers | Record<string, string | string[] | undefined> | null | undefined;

function header(headers: HeaderSource, name: string): string | null {
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/**
 * The language a request's answer is worded in, chosen as for its pages (src/i18n/request.ts):
 * the device's cookie, then the account's stored choice, then Accept-Language, then English.
 */
export function requestLocale(headers: HeaderSource, account?: string | null): Locale {
  return chooseLocale({
    cookie: readCookie(header(headers, "cookie"), LOCALE_COOKIE),
    account,
    acceptLanguage: header(headers, "accept-language"),
  });
}
