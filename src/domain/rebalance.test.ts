import { describe, expect, it } from "vitest";
import { approvalStep, isWaiting, moveOf, sellReference } from "./rebalance";

describe("rebalance rules", () => {
  it("a first approval executes within the operator's allowance, waits beyond it", () => {
    const base = { status: "REQUESTED" as const, fourEyesAbove: 1_000n };
    expect(approvalStep({ ...base, amount: 1_000n, movedAloneLastDay: 0n })).toBe("EXECUTE");
    expect(approvalStep({ ...base, amount: 1_001n, movedAloneLastDay: 0n })).toBe("AWAIT_SECOND");
    // What the operator already moved alone today counts.
    expect(approvalStep({ ...base, amount: 600n, movedAloneLastDay: 500n })).toBe("AWAIT_SECOND");
  });

  it("a second approval executes whatever the amount", () => {
    expect(
      approvalStep({
        status: "AWAITING_SECOND",
        amount: 10n ** 12n,
        movedAloneLastDay: 10n ** 12n,
        fourEyesAbove: 1n,
      }),
    ).toBe("EXECUTE");
  });

  it("purchases fund, sales defloat under a reference of their own", () => {
    expect(moveOf("BUY_FLOAT")).toBe("FUND_FLOAT");
    expect(moveOf("SELL_FLOAT")).toBe("DEFLOAT");
    const id = "0b8a4a5e-0000-4000-8000-000000000000";
    expect(sellReference(id)).toBe(`rebalance-${id}`);
    expect(sellReference(id).length).toBeLessThanOrEqual(80);
  });

  it("requested and awaiting a second operator are the waiting states", () => {
    expect(isWaiting("REQUESTED")).toBe(true);
    expect(isWaiting("AWAITING_SECOND")).toBe(true);
    expect(isWaiting("APPROVED")).toBe(false);
    expect(isWaiting("CANCELLED")).toBe(false);
  });
});
