import { describe, expect, it } from "vitest";
import { renderError } from "@/i18n/translate";
import { cardRefusal, looksLikeCardSecret, maskedPhone } from "./cards";

describe("card secrets", () => {
  it("accepts PC1 with 22 base64url characters only", () => {
    expect(looksLikeCardSecret(`PC1${"a".repeat(22)}`)).toBe(true);
    expect(looksLikeCardSecret(`PC1${"-_Az09".repeat(3)}abcd`)).toBe(true);
    expect(looksLikeCardSecret(`PP1${"a".repeat(22)}`)).toBe(false);
    expect(looksLikeCardSecret(`PC1${"a".repeat(21)}`)).toBe(false);
    expect(looksLikeCardSecret(`PC1${"a".repeat(23)}`)).toBe(false);
    expect(looksLikeCardSecret(`PC1${"a".repeat(21)}=`)).toBe(false);
  });
});

describe("maskedPhone", () => {
  it("keeps the calling code and the last three digits, hides at least five", () => {
    expect(maskedPhone("+254712345678")).toBe("+254 ••• ••• 678");
    expect(maskedPhone("+12345678")).toBe("••• ••• 678");
    expect(maskedPhone("+123456789")).toBe("+1 ••• ••• 789");
    expect(maskedPhone("+123456789012345")).toBe("+123 ••• ••• 345");
  });
  it("never shows more than the code and three digits", () => {
    for (const phone of ["+12345678", "+254712345678", "+123456789012345"]) {
      const shown = maskedPhone(phone).replace(/\D/g, "");
      expect(phone.replace(/\D/g, "").length - shown.length).toBeGreaterThanOrEqual(5);
    }
  });
});

describe("cardRefusal", () => {
  it("lets an active card through and names every other case", () => {
    expect(cardRefusal("ACTIVE")).toBeNull();
    expect(renderError("en", cardRefusal("BLOCKED")!)).toMatch(/blocked/);
    expect(renderError("en", cardRefusal("REPLACED")!)).toMatch(/replaced/);
    expect(renderError("en", cardRefusal(null)!)).toMatch(/not a ProxyPay card/);
  });
});
