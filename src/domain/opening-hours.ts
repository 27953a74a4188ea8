import { z } from "zod";

// A shop's week, as the owner sets it on /agent/profile: seven entries, Monday first, each
// null (closed that day) or the minutes of the day it opens and closes, in the shop's own
// time (Africa/Nairobi: every demo and pilot shop is in Kenya). A close at or before the
// open runs past midnight into the next day ("18:00-02:00", "08:00-00:00" closes at
// midnight); the same time for both ("00:00-00:00") is open round the clock.

export const SHOP_TIME_ZONE = "Africa/Nairobi";
export const MINUTES_PER_DAY = 1440;

const minuteOfDay = z.number().int().min(0).max(MINUTES_PER_DAY);

export const dayHours = z
  .strictObject({ open: minuteOfDay.max(MINUTES_PER_DAY - 1), close: minuteOfDay })
  .nullable();

export const weekHours = z.array(dayHours).length(7);

export type DayHours = z.infer<typeof dayHours>;
export type WeekHours = z.infer<typeof weekHours>;

/** Monday 0 ... Sunday 6, and the minute of the day, at `at` in the shop's time zone. */
export function shopClock(at: Date): { day: number; minute: number } {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: SHOP_TIME_ZONE,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const day = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(part("weekday"));
  return { day, minute: Number(part("hour")) * 60 + Number(part("minute")) };
}

/** Whether a day's hours run past midnight (the close belongs to the next day). */
export function overnight(h: NonNullable<DayHours>): boolean {
  return h.close <= h.open;
}

/**
 * Whether a shop with these hours is open at `at`: today's hours cover the minute, or
 * yesterday's ran past midnight and have not closed yet. Unknown hours (null) are unknown,
 * not closed: the finder says "hours not given".
 */
export function isOpenAt(hours: WeekHours | null, at: Date): boolean | null {
  if (!hours) return null;
  const { day, minute } = shopClock(at);
  const today = hours[day] ?? null;
  const yesterday = hours[(day + 6) % 7] ?? null;
  if (today) {
    if (overnight(today) ? minute >= today.open : minute >= today.open && minute < today.close)
      return true;
  }
  return yesterday !== null && overnight(yesterday) && minute < yesterday.close;
}

/** "08:30" for minute 510; 1440 is "24:00" (the end of the day). */
export function clockText(minute: number): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/** "08:30" back to 510; null when it is not a time of day. "24:00" is the end of the day. */
export function parseClock(text: string): number | null {
  const match = /^([01]?\d|2[0-4]):([0-5]\d)$/.exec(text.trim());
  if (!match) return null;
  const minute = Number(match[1]) * 60 + Number(match[2]);
  return minute <= MINUTES_PER_DAY ? minute : null;
}

/** Reads a stored week; anything else (never written by the app) counts as not given. */
export function readWeekHours(json: unknown): WeekHours | null {
  const parsed = weekHours.safeParse(json);
  return parsed.success ? parsed.data : null;
}
