import { describe, expect, it } from "vitest";
import {
  formatTypedCode,
  luhnCheckDigit,
  maskPhone,
  parseTypedCode,
  withCheckDigit,
} from "./codes";
import { isLive, progressOf, refusalFor, transitionFor } from "./order-state";

describe("order state machine", () => {
  it("cash-in completes straight from CLAIMED", () => {
    expect(transitionFor("CASH_IN", "claim")).toEqual({ from: ["PENDING"], to: "CLAIMED" });
    expect(transitionFor("CASH_IN", "confirm")).toEqual({ from: ["CLAIMED"], to: "COMPLETED" });
  });

  it("a cash-out completes on the customer's approval; the agent has nothing to confirm", () => {
    expect(transitionFor("CASH_OUT", "approve")).toEqual({ from: ["CLAIMED"], to: "COMPLETED" });
    expect(transitionFor("CASH_OUT", "reject")).toEqual({ from: ["CLAIMED"], to: "DECLINED" });
    expect(() => transitionFor("CASH_OUT", "confirm")).toThrow(/customer approves/);
  });

  it("no move of the other party can follow the one that says 'hand over the cash'", () => {
    // Cash-out: the tablet says "hand over" once COMPLETED; nothing leaves COMPLETED but an
    // operator's dispute decision.
    for (const action of ["cancel", "expire", "decline", "reject", "approve", "claim"] as const) {
      expect(transitionFor("CASH_OUT", action).from).not.toContain("COMPLETED");
    }
    expect(transitionFor("CASH_OUT", "reverseDisputed")).toEqual({
      from: ["COMPLETED"],
      to: "REVERSED",
    });
    // Cash-in: an unexecuted claimed order can still be credited by a dispute decision.
    expect(transitionFor("CASH_IN", "creditDisputed").from).toEqual([
      "CANCELLED",
      "EXPIRED",
      "DECLINED",
    ]);
  });

  it("cash-ins have no approval step", () => {
    expect(() => transitionFor("CASH_IN", "approve")).toThrow(/Only cash-outs/);
  });

  it("only live orders can be cancelled or expire; terminal states are final", () => {
    for (const action of ["cancel", "expire"] as const) {
      expect(transitionFor("CASH_OUT", action).from).toEqual(["PENDING", "CLAIMED"]);
    }
    for (const s of ["COMPLETED", "CANCELLED", "EXPIRED", "DECLINED", "REVERSED"] as const) {
      expect(isLive(s)).toBe(false);
      for (const action of ["claim", "confirm", "cancel", "decline"] as const) {
        expect(transitionFor("CASH_IN", action).from).not.toContain(s);
      }
    }
  });

  it("explains refusals in plain words", () => {
    expect(refusalFor("CASH_IN", "claim", "CLAIMED").message).toMatch(/already being handled/);
    expect(refusalFor("CASH_IN", "confirm", "COMPLETED").code).toBe("ORDER_ALREADY_HANDLED");
    expect(refusalFor("CASH_IN", "claim", "EXPIRED").code).toBe("ORDER_EXPIRED");
    expect(refusalFor("CASH_OUT", "cancel", "COMPLETED").message).toMatch(/collect your cash/);
    expect(refusalFor("CASH_OUT", "decline", "COMPLETED").message).toMatch(/hand over the cash/);
  });
});

describe("typed codes", () => {
  it("uses a Luhn check digit", () => {
    expect(luhnCheckDigit("7992739871")).toBe(3);
    const code = withCheckDigit("12345678");
    expect(code).toHaveLength(9);
    expect(parseTypedCode(formatTypedCode(code))).toBe(code);
  });

  it("catches a mistyped digit and a swap of neighbours", () => {
    const code = withCheckDigit("12345678");
    const typo = `${code.slice(0, 3)}${(Number(code[3]) + 1) % 10}${code.slice(4)}`;
    const swap = `${code[1]}${code[0]}${code.slice(2)}`;
    expect(() => parseTypedCode(typo)).toThrow(/not right/);
    expect(() => parseTypedCode(swap)).toThrow(/not right/);
    expect(() => parseTypedCode("12345")).toThrow(/9 digits/);
  });

  it("masks phone numbers", () => {
    expect(maskPhone("+254711000001")).toBe("+2547•••••001");
  });
});

describe("progressOf", () => {
  it("puts every ending after the counter's steps, and a reversal after completion", () => {
    expect(progressOf("PENDING")).toBeLessThan(progressOf("CLAIMED"));
    for (const end of ["COMPLETED", "CANCELLED", "EXPIRED", "DECLINED"] as const) {
      expect(progressOf(end)).toBeGreaterThan(progressOf("CLAIMED"));
      expect(progressOf(end)).toBeLessThan(progressOf("REVERSED"));
    }
  });
});
