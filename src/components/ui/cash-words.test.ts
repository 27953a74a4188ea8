import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { cashBreakdown } from "@/domain/cash-breakdown";
import { describeCash, describeCashWith } from "@/domain/spoken-amounts";
import { LOCALES, type Locale } from "@/i18n/locales";
import { CATALOGUES } from "@/i18n/messages";

/** The cash chips' words as the component builds them, from a language's catalogue. */
function chipsWords(locale: Locale, minor: bigint) {
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "common.ui.cash" });
  return describeCashWith(cashBreakdown(minor, "KES"), locale, {
    minor: (count) => t("minorKES", { count }),
    and: (whole, part) => t("and", { whole, minor: part }),
    piece: (kind, count, face) => t("piece", { kind, count, face }),
    unpayable: (money) => t("unpayable", { amount: money }),
    noCash: t("noCash"),
  });
}

describe("cash chips' words from the catalogue", () => {
  it("say in English exactly what the domain's English table says", () => {
    for (const minor of [254_000n, 1_050n, 0n, 100_000n]) {
      expect(chipsWords("en", minor)).toBe(describeCash(cashBreakdown(minor, "KES"), "en"));
    }
  });

  it.each(LOCALES.filter((l) => l !== "en"))("%s: its own words, counts and currency", (locale) => {
    const text = chipsWords(locale, 254_000n);
    expect(text).not.toMatch(/\b(notes?|coins?|of)\b/);
    expect(text).toMatch(/2/);
    expect(text).toMatch(/20/);
  });

  it("French names notes and coins with their plural", () => {
    expect(chipsWords("fr", 254_000n)).toContain("2 billets de");
    expect(chipsWords("fr", 254_000n)).toContain("1 billet de");
    expect(chipsWords("fr", 254_000n)).toContain("2 pièces de");
  });
});
