import type { Locale } from "./locales";
import type { Messages } from "./messages";

// Typed keys: t("customer.home.title") compiles only when English has that key.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
