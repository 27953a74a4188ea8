import { describe, expect, it } from "vitest";
import { INTL_TAG } from "@/i18n/locales";
import { decimalMarkOf, readAmount } from "./amount-input";

describe("an amount typed by a person", () => {
  it("knows each language's decimal mark", () => {
    expect(decimalMarkOf(INTL_TAG.en)).toBe(".");
    expect(decimalMarkOf(INTL_TAG.sw)).toBe(".");
    expect(decimalMarkOf(INTL_TAG.fr)).toBe(",");
    expect(decimalMarkOf(INTL_TAG.zh)).toBe(".");
  });

  it("reads English as before: a comma groups thousands", () => {
    expect(readAmount("1,250.50", "KES", ".")).toBe(125_050n);
    expect(readAmount("500", "KES", ".")).toBe(50_000n);
    expect(readAmount("500,50", "KES", ".")).toBe(5_005_000n);
  });

  it("reads a French comma as the decimal point, never as thousands", () => {
    expect(readAmount("500,50", "KES", ",")).toBe(50_050n);
    expect(readAmount("1 250,5", "KES", ",")).toBe(125_050n);
    expect(readAmount("1\u202f250,50", "KES", ",")).toBe(125_050n);
    expect(readAmount("500.50", "KES", ",")).toBe(50_050n);
  });

  it("refuses what it would have to guess", () => {
    expect(readAmount("1.250,50", "KES", ",")).toBe("amountLike");
    expect(readAmount("1,250.50", "KES", ",")).toBe("amountLike");
    expect(readAmount("12,345", "KES", ",")).toBe("amountDecimals");
    expect(readAmount("abc", "KES", ".")).toBe("amountLike");
    expect(readAmount("0", "KES", ",")).toBe("amountMoreThanZero");
    expect(readAmount("  ", "KES", ",")).toBeNull();
  });
});
