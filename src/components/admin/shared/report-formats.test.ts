import { describe, expect, it } from "vitest";
import {
  compactMajor,
  durationParts,
  formatCount,
  formatDuration,
  formatRate,
  signedMinor,
} from "./report-formats";

describe("report formats", () => {
  it("splits a duration into the unit its message needs", () => {
    expect(durationParts(null)).toBeNull();
    expect(durationParts(Number.NaN)).toBeNull();
    expect(durationParts(42.4)).toMatchObject({ unit: "s", s: 42 });
    expect(durationParts(120)).toMatchObject({ unit: "min", min: 2 });
    expect(durationParts(80)).toMatchObject({ unit: "minS", min: 1, s: 20 });
    expect(durationParts(7200)).toMatchObject({ unit: "h", h: 2 });
    expect(durationParts(3900)).toMatchObject({ unit: "hMin", h: 1, min: 5 });
    // The English words the overview showed before languages stay the same.
    expect(formatDuration(80)).toBe("1 min 20 s");
    expect(formatDuration(null)).toBe("—");
  });

  it("keeps English as it was and writes French the French way", () => {
    expect(formatRate(0.8534)).toBe("85.3%");
    expect(formatRate(null)).toBe("—");
    expect(formatRate(0.8534, "fr-FR")).toMatch(/^85,3\s%$/);
    expect(formatCount(12345)).toBe("12,345");
    expect(formatCount(12345, "fr-FR")).toMatch(/^12\s345$/);
    expect(compactMajor(1_250_000, "KES")).toBe("KES 12.5K");
    expect(compactMajor(1_250_000, "KES", "fr-FR")).toMatch(/^12,5\sk\sKES$/);
    expect(signedMinor(50_000n, "KES")).toBe("+KES 500.00");
    expect(signedMinor(-50_000n, "KES", "fr-FR")).toMatch(/^-500,00\sKES$/);
  });
});
