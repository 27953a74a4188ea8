import { describe, expect, it } from "vitest";
import { spokenMoney } from "./spoken-amounts";

const ENGLISH = {
  minor: (count: number) => `${count} ${count === 1 ? "cent" : "cents"}`,
  and: (whole: string, minor: string) => `${whole} and ${minor}`,
};

describe("spokenMoney", () => {
  it("says whole amounts with the currency's name from Intl", () => {
    expect(spokenMoney("en", 70_000n, "KES", ENGLISH)).toBe("700 Kenyan shillings");
    expect(spokenMoney("en", 100n, "KES", ENGLISH)).toBe("1 Kenyan shilling");
    expect(spokenMoney("en", 20_000n, "UGX", ENGLISH)).toBe("20,000 Ugandan shillings");
  });

  it("reads cents as words, not as a decimal point", () => {
    expect(spokenMoney("en", 101_550n, "KES", ENGLISH)).toBe("1,015 Kenyan shillings and 50 cents");
    expect(spokenMoney("en", 1n, "KES", ENGLISH)).toBe("1 cent");
  });

  it("lets Intl say the decimals where the language has no word for the minor unit", () => {
    expect(spokenMoney("en", 250n, "GHS", { ...ENGLISH, minor: null })).toBe("2.50 Ghanaian cedis");
  });

  it("says the currency's name in the asked language", () => {
    expect(spokenMoney("fr", 70_000n, "KES", ENGLISH)).toBe("700 shillings kényans");
  });
});
