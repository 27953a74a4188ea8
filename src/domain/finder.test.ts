import { describe, expect, it } from "vitest";
import { canServe, coarse, distanceMetres, roundedForComparison, statusAt } from "./finder";

describe("finder rules", () => {
  it("measures distance on the sphere", () => {
    const cbd = { latitude: -1.2864, longitude: 36.8172 };
    const westlands = { latitude: -1.2676, longitude: 36.8108 };
    expect(distanceMetres(cbd, cbd)).toBe(0);
    // About 2.2 km between Nairobi's CBD and Westlands.
    expect(Math.round(distanceMetres(cbd, westlands) / 100)).toBe(22);
    // One degree of latitude is about 111.2 km.
    expect(
      Math.round(distanceMetres({ latitude: 0, longitude: 0 }, { latitude: 1, longitude: 0 })),
    ).toBe(111_195);
  });

  it("cuts a position to two decimals", () => {
    expect(coarse({ latitude: -1.286389, longitude: 36.817223 })).toEqual({
      latitude: -1.29,
      longitude: 36.82,
    });
  });

  it("rounds amounts up to KES 500 before comparing", () => {
    expect(roundedForComparison(1n)).toBe(50_000n);
    expect(roundedForComparison(50_000n)).toBe(50_000n);
    expect(roundedForComparison(50_001n)).toBe(100_000n);
  });

  it("says YES, NO or ASK, never an amount", () => {
    expect(canServe(null, 0n, 1n)).toBe("ASK");
    expect(canServe(100_000n, 50_000n, 50_000n)).toBe("YES");
    expect(canServe(100_000n, 50_001n, 50_000n)).toBe("NO");
  });

  it("an open reservation past its expiry reads as expired", () => {
    const now = new Date("2026-12-07T10:00:00Z");
    const past = new Date(now.getTime() - 1);
    expect(statusAt({ status: "ACCEPTED", expiresAt: past }, now)).toBe("EXPIRED");
    expect(statusAt({ status: "REQUESTED", expiresAt: now }, now)).toBe("EXPIRED");
    expect(statusAt({ status: "DECLINED", expiresAt: past }, now)).toBe("DECLINED");
    expect(statusAt({ status: "ACCEPTED", expiresAt: new Date(now.getTime() + 1) }, now)).toBe(
      "ACCEPTED",
    );
  });
});
