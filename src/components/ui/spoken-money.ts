import { useTranslations } from "next-intl";
import type { CurrencyCode } from "@/domain/money";
import { type MinorWords, spokenMoney } from "@/domain/spoken-amounts";

/**
 * How the screen's language says the part of an amount below one unit and joins it to the
 * rest (common.ui.cash), for every sentence that says money: the read-aloud on both apps and
 * the cash chips' text.
 */
export function useMinorWords(): (currency: CurrencyCode) => MinorWords {
  const t = useTranslations("common.ui.cash");
  return (currency) => ({
    // Only KES is served today; another currency's cents are said as decimals by Intl.
    minor: currency === "KES" ? (count) => t("minorKES", { count }) : null,
    and: (whole, minor) => t("and", { whole, minor }),
  });
}

/** An amount in words for a speech engine, in `language`, with the screen's minor words. */
export function useSpokenMoney(): (
  language: string,
  amount: bigint,
  currency: CurrencyCode,
) => string {
  const minorWords = useMinorWords();
  return (language, amount, currency) =>
    spokenMoney(language, amount, currency, minorWords(currency));
}
