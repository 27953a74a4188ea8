import { describe, expect, it } from "vitest";
import { cashStep } from "./counter";
import type { OrderStatus } from "./order-state";
import { transitionFor } from "./order-state";
import type { OrderType } from "./pricing";

const STATUSES: OrderStatus[] = [
  "PENDING",
  "CLAIMED",
  "COMPLETED",
  "CANCELLED",
  "EXPIRED",
  "DECLINED",
  "REVERSED",
];

describe("what each side does with cash", () => {
  it("a cash-out's agent pays out only once the order is executed", () => {
    for (const status of STATUSES) {
      const step = cashStep({ type: "CASH_OUT", status, claimed: true }, "AGENT");
      expect(step === "PAY_OUT", status).toBe(status === "COMPLETED");
    }
  });

  it("an agent told to pay out cannot lose the money to the customer's moves or expiry", () => {
    // The other side's moves, by who makes them.
    const movesOf = { CUSTOMER: ["cancel", "reject"], AGENT: ["decline"] } as const;
    const types: OrderType[] = ["CASH_IN", "CASH_OUT"];
    for (const type of types) {
      for (const status of STATUSES) {
        for (const side of ["CUSTOMER", "AGENT"] as const) {
          const step = cashStep({ type, status, claimed: status !== "PENDING" }, side);
          if (step !== "PAY_OUT") continue;
          const other = side === "AGENT" ? "CUSTOMER" : "AGENT";
          for (const action of [...movesOf[other], "expire" as const]) {
            let from: readonly OrderStatus[] = [];
            try {
              from = transitionFor(type, action).from;
            } catch {
              // not a move that exists for this type
            }
            expect(from, `${type} ${status} ${action}`).not.toContain(status);
          }
        }
      }
    }
  });

  it("a cash-in's customer hands cash only to a shop that scanned the order", () => {
    expect(cashStep({ type: "CASH_IN", status: "PENDING", claimed: false }, "CUSTOMER")).toBe(
      "WAIT",
    );
    expect(cashStep({ type: "CASH_IN", status: "CLAIMED", claimed: true }, "CUSTOMER")).toBe(
      "HAND_CASH",
    );
    expect(cashStep({ type: "CASH_IN", status: "DECLINED", claimed: true }, "CUSTOMER")).toBe(
      "TAKE_BACK_CASH",
    );
    expect(cashStep({ type: "CASH_IN", status: "EXPIRED", claimed: false }, "CUSTOMER")).toBe(
      "DONE",
    );
  });
});
