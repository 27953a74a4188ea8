import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { sessionOfCookies } from "@/server/auth/session";
import { chooseLocale, LOCALE_COOKIE } from "./locales";
import { CATALOGUES } from "./messages";

/**
 * Each page's language (next-intl reads this file through the plugin in next.config.js).
 * No locale in the URL: a customer's link, QR card or bookmark is the same in every
 * language, and the agent's tablet keeps one address. See docs/decisions.md, "Languages".
 */
export default getRequestConfig(async () => {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  const session = await sessionOfCookies(head.get("cookie"));
  const locale = chooseLocale({
    cookie: jar.get(LOCALE_COOKIE)?.value,
    account: session?.locale,
    acceptLanguage: head.get("accept-language"),
  });
  return {
    locale,
    messages: CATALOGUES[locale],
    // The platform's clock: times on screens and receipts read the same on every device.
    timeZone: "Africa/Nairobi",
  };
});
