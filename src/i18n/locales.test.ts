import { describe, expect, it } from "vitest";
import { chooseLocale, negotiateLocale } from "./locales";

describe("choosing a language", () => {
  it("takes the browser's best supported language, by weight", () => {
    expect(negotiateLocale("sw-KE,sw;q=0.9,en;q=0.8")).toBe("sw");
    expect(negotiateLocale("de-DE,fr;q=0.7,en;q=0.5")).toBe("fr");
    expect(negotiateLocale("en;q=0.4,zh-Hans-CN;q=0.9")).toBe("zh");
    expect(negotiateLocale("de,it")).toBeNull();
    expect(negotiateLocale("fr;q=0,sw")).toBe("sw");
    expect(negotiateLocale(null)).toBeNull();
  });

  it("puts this device's choice first, then the account's, then the browser's", () => {
    expect(chooseLocale({ cookie: "fr", account: "sw", acceptLanguage: "zh" })).toBe("fr");
    expect(chooseLocale({ cookie: "xx", account: "sw", acceptLanguage: "zh" })).toBe("sw");
    expect(chooseLocale({ account: null, acceptLanguage: "zh-CN" })).toBe("zh");
    expect(chooseLocale({})).toBe("en");
  });
});
