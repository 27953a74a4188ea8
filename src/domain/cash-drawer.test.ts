import { describe, expect, it } from "vitest";
import {
  cashOnHand,
  countedTotal,
  isLow,
  type LogbookEvent,
  logbook,
  runsOutAt,
  signedMoveAmount,
  variance,
} from "./cash-drawer";

const at = (hhmm: string) => new Date(`2026-12-01T${hhmm}:00.000Z`);
const END = new Date("2026-12-02T00:00:00.000Z");

describe("cash drawer arithmetic", () => {
  it("signs a move by its kind", () => {
    expect(signedMoveAmount("BANK_DEPOSIT", 500n)).toBe(-500n);
    expect(signedMoveAmount("OWNER_TOOK", 1n)).toBe(-1n);
    expect(signedMoveAmount("CASH_DELIVERED", 500n)).toBe(500n);
    expect(signedMoveAmount("OWNER_ADDED", 7n)).toBe(7n);
    expect(() => signedMoveAmount("OWNER_ADDED", 0n)).toThrow(RangeError);
  });

  it("adds a count by notes and coins exactly, and refuses what is not KES cash", () => {
    expect(
      countedTotal(
        [
          { value: 100_000n, count: 12 },
          { value: 2_000n, count: 3 },
          { value: 100n, count: 9 },
        ],
        "KES",
      ),
    ).toBe(1_206_900n);
    expect(countedTotal([], "KES")).toBe(0n);
    // No KES 300 note; a denomination twice; a fraction or a negative count.
    expect(countedTotal([{ value: 30_000n, count: 1 }], "KES")).toBeNull();
    expect(
      countedTotal(
        [
          { value: 100n, count: 1 },
          { value: 100n, count: 2 },
        ],
        "KES",
      ),
    ).toBeNull();
    expect(countedTotal([{ value: 100n, count: 1.5 }], "KES")).toBeNull();
    expect(countedTotal([{ value: 100n, count: -1 }], "KES")).toBeNull();
  });

  it("derives cash on hand and the variance", () => {
    const cash = cashOnHand({ openingCount: 1_000n, cashIn: 500n, cashOut: 700n, moves: -100n });
    expect(cash).toBe(700n);
    expect(variance(650n, cash)).toBe(-50n);
    expect(variance(700n, cash)).toBe(0n);
    expect(isLow(99n, 100n)).toBe(true);
    expect(isLow(100n, 100n)).toBe(false);
  });

  it("writes the logbook with cash and float after each line", () => {
    const events: LogbookEvent[] = [
      { what: "FLOAT", at: at("07:00"), dayId: null, entryKind: "FUND_FLOAT", balanceAfter: 900n },
      { what: "OPEN", at: at("08:00"), dayId: "d", amount: 1_000n },
      {
        what: "ORDER",
        at: at("09:00"),
        dayId: "d",
        orderType: "CASH_IN",
        amount: 300n,
        reference: "A",
        balanceAfter: 600n,
      },
      { what: "MOVE", at: at("10:00"), dayId: "d", move: "BANK_DEPOSIT", amount: -200n },
      {
        what: "ORDER",
        at: at("11:00"),
        dayId: "d",
        orderType: "CASH_OUT",
        amount: 100n,
        reference: "B",
        balanceAfter: 700n,
      },
      { what: "CLOSE", at: at("12:00"), dayId: "d", counted: 990n, expected: 1_000n },
      {
        what: "ORDER",
        at: at("13:00"),
        dayId: null,
        orderType: "CASH_IN",
        amount: 50n,
        reference: "C",
        balanceAfter: 650n,
      },
    ];
    // Given out of order: the logbook sorts by time.
    const lines = logbook([...events].reverse(), 100n);
    expect(lines.map((l) => [l.what, l.cashAfter, l.floatAfter])).toEqual([
      ["FLOAT", null, 900n],
      ["OPEN", 1_000n, 900n],
      ["ORDER", 1_300n, 600n],
      ["MOVE", 1_100n, 600n],
      ["ORDER", 1_000n, 700n],
      ["CLOSE", 990n, 700n],
      ["ORDER", null, 650n],
    ]);
  });
});

describe("run-out projection", () => {
  it("carries today's net outflow forward, to the minute", () => {
    // 10,000 down to 6,000 in 2 hours: 2,000 an hour, 6,000 left: 3 hours from 10:00.
    expect(
      runsOutAt({
        now: at("10:00"),
        since: at("08:00"),
        balanceThen: 10_000n,
        balanceNow: 6_000n,
        endOfDay: END,
      }),
    ).toEqual(at("13:00"));
    // 3 left of 10 after 40 minutes: 3 * 40 / 7 = 17.14 minutes, rounded down to the minute.
    expect(
      runsOutAt({
        now: new Date("2026-12-01T09:40:30.000Z"),
        since: at("09:00"),
        balanceThen: 10n,
        balanceNow: 3n,
        endOfDay: END,
      }),
    ).toEqual(at("09:57"));
  });

  it("says nothing without a net outflow, before 30 minutes of trade, or past today", () => {
    const base = { now: at("10:00"), since: at("08:00"), endOfDay: END };
    expect(runsOutAt({ ...base, balanceThen: 5_000n, balanceNow: 5_000n })).toBeNull();
    expect(runsOutAt({ ...base, balanceThen: 5_000n, balanceNow: 6_000n })).toBeNull();
    expect(runsOutAt({ ...base, balanceThen: 5_000n, balanceNow: 0n })).toBeNull();
    expect(
      runsOutAt({ ...base, since: at("09:31"), balanceThen: 10_000n, balanceNow: 6_000n }),
    ).toBeNull();
    expect(
      runsOutAt({ ...base, since: at("09:30"), balanceThen: 10_000n, balanceNow: 6_000n }),
    ).toEqual(at("10:45"));
    // 1 spent in 2 hours, 9,999 left: long after midnight.
    expect(runsOutAt({ ...base, balanceThen: 10_000n, balanceNow: 9_999n })).toBeNull();
  });
});
