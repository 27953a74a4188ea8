import { describe, expect, it } from "vitest";
import { applyBps, clamp, formatMinor, parseMajor } from "./money";

describe("parseMajor", () => {
  it("turns typed amounts into minor units", () => {
    expect(parseMajor("500", "KES")).toBe(50_000n);
    expect(parseMajor("1,250.5", "KES")).toBe(125_050n);
    expect(parseMajor(" 0.07 ", "KES")).toBe(7n);
    expect(parseMajor("1500", "UGX")).toBe(1_500n);
  });

  it("refuses more decimals than the currency has", () => {
    expect(() => parseMajor("1.234", "KES")).toThrow(/at most 2 decimals/);
    expect(() => parseMajor("10.5", "UGX")).toThrow(/no decimals/);
  });

  it("refuses garbage, negatives and exponents", () => {
    for (const bad of ["", "abc", "-5", "1e3", "12.3.4", "99999999999999"]) {
      expect(() => parseMajor(bad, "KES")).toThrow(/Enter an amount/);
    }
  });
});

describe("formatMinor", () => {
  it("formats with grouping and the currency's decimals", () => {
    expect(formatMinor(125_050n, "KES")).toBe("KES 1,250.50");
    expect(formatMinor(5n, "KES")).toBe("KES 0.05");
    expect(formatMinor(-1_000_000n, "UGX")).toBe("-UGX 1,000,000");
  });
});

describe("formatMinor in a language", () => {
  it("uses the language's separators and the currency's own decimals, exactly", () => {
    // Above 2^53: a float would lose the last cents.
    expect(formatMinor(1_234_567_890_123_456n, "KES", "fr-FR")).toBe(
      "12\u202f345\u202f678\u202f901\u202f234,56\u00a0KES",
    );
    expect(formatMinor(1_234_567_890_123_456n, "KES")).toBe("KES 12,345,678,901,234.56");
    expect(formatMinor(1_234_567n, "UGX", "sw-KE")).toBe("UGX\u00a01,234,567");
    expect(formatMinor(-5n, "KES", "zh-CN")).toBe("-KES\u00a00.05");
  });
});

describe("applyBps", () => {
  it("rounds half up in integer arithmetic", () => {
    expect(applyBps(10_000n, 150)).toBe(150n);
    expect(applyBps(33n, 150)).toBe(0n);
    expect(applyBps(34n, 150)).toBe(1n); // 0.51 -> 1
    expect(applyBps(10n ** 13n, 10_000)).toBe(10n ** 13n);
  });

  it("refuses fractional or negative rates", () => {
    expect(() => applyBps(1n, 1.5)).toThrow(RangeError);
    expect(() => applyBps(1n, -1)).toThrow(RangeError);
  });

  it("clamps", () => {
    expect(clamp(5n, 10n, 20n)).toBe(10n);
    expect(clamp(25n, 10n, 20n)).toBe(20n);
    expect(clamp(15n, 10n, 20n)).toBe(15n);
  });
});
