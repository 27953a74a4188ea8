import { describe, expect, it } from "vitest";
import { overchargeReportableUntil, requireOverchargeReportable } from "./overcharge";

const completedAt = new Date("2026-12-01T10:00:00Z");
const done = { status: "COMPLETED" as const, completedAt, agentId: "a" };

describe("overcharge reports", () => {
  it("a completed order may be reported for seven days", () => {
    const end = new Date("2026-12-08T10:00:00Z");
    expect(overchargeReportableUntil(done, completedAt)).toEqual(end);
    expect(overchargeReportableUntil(done, new Date(end.getTime() - 1))).toEqual(end);
    expect(overchargeReportableUntil(done, end)).toBeNull();
    expect(() => requireOverchargeReportable(done, end)).toThrow(/7 days/);
  });

  it("only completed orders with an agent are reportable", () => {
    for (const status of ["PENDING", "CLAIMED", "APPROVED", "DECLINED", "REVERSED"] as const) {
      expect(overchargeReportableUntil({ ...done, status }, completedAt)).toBeNull();
      expect(() => requireOverchargeReportable({ ...done, status }, completedAt)).toThrow();
    }
  });
});
