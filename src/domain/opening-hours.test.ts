import { describe, expect, it } from "vitest";
import {
  clockText,
  isOpenAt,
  parseClock,
  shopClock,
  type WeekHours,
  weekHours,
} from "./opening-hours";

// Nairobi is UTC+3 all year: 2026-12-07 is a Monday.
const nairobi = (isoLocal: string) => new Date(`${isoLocal}+03:00`);
const day = (open: string, close: string) => ({
  open: parseClock(open)!,
  close: parseClock(close)!,
});
const WEEKDAYS_8_TO_6: WeekHours = [
  day("08:00", "18:00"),
  day("08:00", "18:00"),
  day("08:00", "18:00"),
  day("08:00", "18:00"),
  day("08:00", "18:00"),
  day("09:00", "13:00"),
  null,
];

describe("opening hours", () => {
  it("reads the shop's clock in Nairobi, Monday first", () => {
    expect(shopClock(nairobi("2026-12-07T00:00"))).toEqual({ day: 0, minute: 0 });
    expect(shopClock(nairobi("2026-12-13T23:59"))).toEqual({ day: 6, minute: 1439 });
    // 21:30 UTC on Sunday is 00:30 on Monday in Nairobi.
    expect(shopClock(new Date("2026-12-13T21:30:00Z"))).toEqual({ day: 0, minute: 30 });
  });

  it("is open from the opening minute up to, not including, the closing minute", () => {
    expect(isOpenAt(WEEKDAYS_8_TO_6, nairobi("2026-12-07T07:59"))).toBe(false);
    expect(isOpenAt(WEEKDAYS_8_TO_6, nairobi("2026-12-07T08:00"))).toBe(true);
    expect(isOpenAt(WEEKDAYS_8_TO_6, nairobi("2026-12-07T17:59"))).toBe(true);
    expect(isOpenAt(WEEKDAYS_8_TO_6, nairobi("2026-12-07T18:00"))).toBe(false);
    expect(isOpenAt(WEEKDAYS_8_TO_6, nairobi("2026-12-12T12:00"))).toBe(true);
    expect(isOpenAt(WEEKDAYS_8_TO_6, nairobi("2026-12-13T12:00"))).toBe(false);
  });

  it("hours past midnight belong to the day they started", () => {
    const lateFriday: WeekHours = [null, null, null, null, day("18:00", "02:00"), null, null];
    expect(isOpenAt(lateFriday, nairobi("2026-12-11T17:59"))).toBe(false);
    expect(isOpenAt(lateFriday, nairobi("2026-12-11T23:59"))).toBe(true);
    expect(isOpenAt(lateFriday, nairobi("2026-12-12T00:00"))).toBe(true);
    expect(isOpenAt(lateFriday, nairobi("2026-12-12T01:59"))).toBe(true);
    expect(isOpenAt(lateFriday, nairobi("2026-12-12T02:00"))).toBe(false);
    // Sunday night into Monday wraps around the week.
    const lateSunday: WeekHours = [null, null, null, null, null, null, day("20:00", "01:00")];
    expect(isOpenAt(lateSunday, nairobi("2026-12-14T00:30"))).toBe(true);
    expect(isOpenAt(lateSunday, nairobi("2026-12-14T01:00"))).toBe(false);
  });

  it("00:00-24:00 is open all day, midnight included", () => {
    const always: WeekHours = Array.from({ length: 7 }, () => day("00:00", "24:00"));
    expect(isOpenAt(always, nairobi("2026-12-07T00:00"))).toBe(true);
    expect(isOpenAt(always, nairobi("2026-12-07T23:59"))).toBe(true);
  });

  it("a close at midnight (00:00) or at the opening time (round the clock)", () => {
    const toMidnight: WeekHours = [day("08:00", "00:00"), null, null, null, null, null, null];
    expect(isOpenAt(toMidnight, nairobi("2026-12-07T23:59"))).toBe(true);
    expect(isOpenAt(toMidnight, nairobi("2026-12-08T00:00"))).toBe(false);
    const roundTheClock: WeekHours = Array.from({ length: 7 }, () => day("00:00", "00:00"));
    expect(isOpenAt(roundTheClock, nairobi("2026-12-07T00:00"))).toBe(true);
    expect(isOpenAt(roundTheClock, nairobi("2026-12-09T13:13"))).toBe(true);
  });

  it("unknown hours are unknown, not closed", () => {
    expect(isOpenAt(null, new Date())).toBeNull();
  });

  it("reads and writes clock times", () => {
    expect(parseClock("8:30")).toBe(510);
    expect(parseClock("24:00")).toBe(1440);
    expect(parseClock("24:01")).toBeNull();
    expect(parseClock("12:60")).toBeNull();
    expect(parseClock("noon")).toBeNull();
    expect(clockText(510)).toBe("08:30");
    expect(clockText(1440)).toBe("24:00");
  });

  it("a week is seven days of whole minutes", () => {
    expect(weekHours.safeParse(WEEKDAYS_8_TO_6).success).toBe(true);
    expect(weekHours.safeParse(WEEKDAYS_8_TO_6.slice(1)).success).toBe(false);
    expect(
      weekHours.safeParse([{ open: 0, close: 1441 }, ...WEEKDAYS_8_TO_6.slice(1)]).success,
    ).toBe(false);
    expect(
      weekHours.safeParse([{ open: 1440, close: 60 }, ...WEEKDAYS_8_TO_6.slice(1)]).success,
    ).toBe(false);
  });
});
