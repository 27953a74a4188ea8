import type { FailurePolicy } from "./rate-limits";

// The agent finder's rules, framework-free: distance, what the phone may send about where it
// is, and the rounding that keeps the finder from being an oracle of a shop's cash.

const EARTH_RADIUS_M = 6_371_000;

export interface Point {
  latitude: number;
  longitude: number;
}

/** Great-circle distance in metres (haversine); plenty for "1.2 km away" inside a city. */
export function distanceMetres(a: Point, b: Point): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A phone's position cut to two decimals (about 1.1 km): where the customer is within a
 * neighbourhood, never which house. The phone rounds before sending and the server rounds
 * again, so a modified client gains nothing finer to store or log.
 */
export function coarse(p: Point): Point {
  const round = (v: number) => Math.round(v * 100) / 100;
  return { latitude: round(p.latitude), longitude: round(p.longitude) };
}

/** How far a search by position looks, and how many shops it lists. */
export const SEARCH_RADIUS_M = 25_000;
export const MAX_RESULTS = 20;

/**
 * The step amounts are rounded up to before they are compared with a shop's cash or float:
 * a customer learns whether a shop can serve KES 500, 1,000, 1,500 ..., so a run of
 * searches cannot narrow a shop's balance down to the shilling (KES 500.00 = 50,000 cents).
 */
export const COMPARISON_STEP_MINOR = 50_000n;

export function roundedForComparison(amount: bigint): bigint {
  return ((amount + COMPARISON_STEP_MINOR - 1n) / COMPARISON_STEP_MINOR) * COMPARISON_STEP_MINOR;
}

/**
 * What the phone is told about a shop's money: YES or NO, or ASK when the shop's cash on hand
 * is not known to the platform. Never an amount.
 */
export type CanServe = "YES" | "NO" | "ASK";

export function canServe(available: bigint | null, committed: bigint, needed: bigint): CanServe {
  if (available === null) return "ASK";
  return available - committed >= needed ? "YES" : "NO";
}

export const RESERVATION_STATUSES = [
  "REQUESTED",
  "ACCEPTED",
  "DECLINED",
  "CANCELLED",
  "EXPIRED",
  "USED",
] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

/** A reservation as read now: an open one past its expiry has expired, whatever the row says. */
export function statusAt(
  r: { status: ReservationStatus; expiresAt: Date },
  now: Date,
): ReservationStatus {
  if ((r.status === "REQUESTED" || r.status === "ACCEPTED") && r.expiresAt <= now) return "EXPIRED";
  return r.status;
}

/**
 * A customer's search budget. Every search answers "can serve" for up to MAX_RESULTS shops,
 * so searches are an oracle of shops' cash: 12 per 15 minutes is plenty for someone looking
 * for a shop, and 60 a day caps a patient prober. Every search counts (none is taken back).
 */
export const SEARCHES_PER_QUARTER_HOUR: FailurePolicy = {
  limit: 12,
  windowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
};
export const SEARCHES_PER_DAY: FailurePolicy = {
  limit: 60,
  windowSeconds: 24 * 60 * 60,
  lockSeconds: 6 * 60 * 60,
};
