import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { cashBreakdown } from "@/domain/cash-breakdown";
import { describeCashWith } from "@/domain/spoken-amounts";
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
  it("list in English the notes and coins a poor reader of numbers can match to the chips", () => {
    expect(chipsWords("en", 254_000n)).toBe(
      "2 notes of 1,000 Kenyan shillings, 1 note of 500 Kenyan shillings, and 2 coins of 20 Kenyan shillings",
    );
    expect(chipsWords("en", 1_050n)).toBe(
      "1 coin of 10 Kenyan shillings and 50 cents cannot be paid in coins",
    );
    expect(chipsWords("en", 0n)).toBe("no cash");
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
