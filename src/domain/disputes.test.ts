import { describe, expect, it } from "vitest";
import {
  DISPUTE_DEFAULTS,
  DISPUTE_RULES,
  type DisputableOrder,
  reportableReasons,
  requireDisputable,
  requireUnderCap,
  ruleOf,
} from "./disputes";
import type { OrderStatus } from "./order-state";

const ORDER_STATUSES: OrderStatus[] = [
  "PENDING",
  "CLAIMED",
  "APPROVED",
  "COMPLETED",
  "CANCELLED",
  "EXPIRED",
  "DECLINED",
  "REVERSED",
];

const now = new Date("2026-12-01T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const H = DISPUTE_DEFAULTS.windowHours;

function order(o: Partial<DisputableOrder>): DisputableOrder {
  return { type: "CASH_OUT", status: "COMPLETED", claimed: true, endedAt: hoursAgo(1), ...o };
}

describe("the disputes table", () => {
  it("offers each party exactly its reasons, per order type and state", () => {
    const offered: Record<string, string[]> = {};
    for (const type of ["CASH_IN", "CASH_OUT"] as const) {
      for (const status of ORDER_STATUSES) {
        for (const party of ["CUSTOMER", "SHOP"] as const) {
          const reasons = reportableReasons(order({ type, status }), party, now, H);
          if (reasons.length > 0) offered[`${party} ${type} ${status}`] = reasons;
        }
      }
    }
    expect(offered).toEqual({
      "CUSTOMER CASH_IN CANCELLED": ["CASH_NOT_CREDITED"],
      "CUSTOMER CASH_IN EXPIRED": ["CASH_NOT_CREDITED"],
      "CUSTOMER CASH_IN DECLINED": ["CASH_NOT_CREDITED"],
      "CUSTOMER CASH_OUT COMPLETED": ["CASH_NOT_RECEIVED", "WRONG_AMOUNT", "OVERCHARGED"],
      "SHOP CASH_IN COMPLETED": ["CASH_NOT_RECEIVED", "WRONG_AMOUNT"],
    });
  });

  it("never lets the party that received value claim it back ('sent by mistake')", () => {
    // A completed cash-in gave the customer e-money for cash; a completed cash-out gave the
    // shop e-money for cash. Neither receiver has a line against its own receipt.
    for (const kind of [
      "CASH_NOT_CREDITED",
      "CASH_NOT_RECEIVED",
      "WRONG_AMOUNT",
      "OVERCHARGED",
    ] as const) {
      expect(() => requireDisputable(order({ type: "CASH_IN" }), "CUSTOMER", kind, now, H)).toThrow(
        /nothing to report/,
      );
      expect(() => requireDisputable(order({ type: "CASH_OUT" }), "SHOP", kind, now, H)).toThrow(
        /nothing to report/,
      );
    }
  });

  it("holds the side that has the value and names the remedy", () => {
    // A customer accuses the shop (its float has the value), a shop the customer (the wallet).
    for (const rule of DISPUTE_RULES) {
      expect(rule.held).toBe(rule.party === "SHOP" ? "WALLET" : "FLOAT");
    }
    expect(ruleOf("CUSTOMER", "CASH_NOT_CREDITED", "CASH_IN").remedy).toBe("credit");
    expect(ruleOf("SHOP", "WRONG_AMOUNT", "CASH_IN")).toMatchObject({
      held: "WALLET",
      remedy: "reverse",
    });
  });

  it("refuses an unclaimed order, a reason that does not fit, and a report after the window", () => {
    expect(() =>
      requireDisputable(
        order({ type: "CASH_IN", status: "EXPIRED", claimed: false }),
        "CUSTOMER",
        "CASH_NOT_CREDITED",
        now,
        H,
      ),
    ).toThrow(/nothing to report/);
    expect(() => requireDisputable(order({}), "CUSTOMER", "CASH_NOT_CREDITED", now, H)).toThrow(
      /cannot be reported/,
    );
    expect(() =>
      requireDisputable(order({ endedAt: hoursAgo(H + 0.01) }), "CUSTOMER", "WRONG_AMOUNT", now, H),
    ).toThrow(/24 hours/);
    expect(
      requireDisputable(order({ endedAt: hoursAgo(H) }), "CUSTOMER", "WRONG_AMOUNT", now, H).kind,
    ).toBe("WRONG_AMOUNT");
    expect(reportableReasons(order({ endedAt: hoursAgo(H + 0.01) }), "CUSTOMER", now, H)).toEqual(
      [],
    );
    // The window is the setting's.
    expect(reportableReasons(order({ endedAt: hoursAgo(30) }), "CUSTOMER", now, 48)).toHaveLength(
      3,
    );
  });

  it("caps reports per opener", () => {
    expect(() => requireUnderCap(2, 3)).not.toThrow();
    expect(() => requireUnderCap(3, 3)).toThrow(/already reported 3 problems in the last 30 days/);
  });
});
