import { cashOnHand } from "@/domain/cash-drawer";
import type { ReservationStatus } from "@/domain/finder";
import { Prisma } from "@/generated/prisma/client";
import { prismaOf, type Runner } from "../db/sql";
import type { Tx } from "../db/transaction";
import { openDaysOf } from "./cash-drawer";

// The agent finder's reads and writes: shops by place, what they have free, reservations.

/**
 * The shop's cash on hand for the finder's "can serve" on cash-outs: the open drawer day's
 * count plus cash-ins minus cash-outs and moves since (the cash drawer's own arithmetic), or
 * null when no day is open in this currency: the platform does not know the shop's cash, and
 * the finder tells customers to ask (docs/decisions.md, "Agent finder").
 */
export async function cashAvailableForFinder(
  db: Tx,
  agentId: string,
  currency: string,
): Promise<bigint | null> {
  const [day] = await openDaysOf(db, [agentId]);
  return day && day.currency === currency ? cashOnHand(day) : null;
}

export interface FinderShop {
  id: string;
  userId: string;
  shopName: string;
  areaName: string | null;
  locationText: string;
  latitude: number | null;
  longitude: number | null;
  openingHours: unknown;
}

const SHOP_COLUMNS = Prisma.sql`
  a.id::text AS id, a.user_id::text AS "userId", a.shop_name AS "shopName",
  a.area_name AS "areaName", a.location_text AS "locationText",
  a.latitude::float8 AS latitude, a.longitude::float8 AS longitude,
  a.opening_hours AS "openingHours"`;

/**
 * Active shops inside a box around a point (degrees either way), for the caller to measure
 * and sort: the box keeps the scan to one neighbourhood of the map.
 */
export function shopsNear(
  db: Tx,
  p: { latitude: number; longitude: number; degrees: number },
  limit: number,
): Promise<FinderShop[]> {
  return db.$queryRaw<FinderShop[]>`
    SELECT ${SHOP_COLUMNS} FROM agents a
    WHERE a.status = 'ACTIVE'
      AND a.latitude BETWEEN ${p.latitude - p.degrees} AND ${p.latitude + p.degrees}
      AND a.longitude BETWEEN ${p.longitude - p.degrees} AND ${p.longitude + p.degrees}
    LIMIT ${limit}`;
}

/** Active shops whose area name (or address) contains what the customer typed. */
export function shopsInArea(db: Tx, area: string, limit: number): Promise<FinderShop[]> {
  // The typed words are matched literally: % and _ are not wildcards here.
  const pattern = `%${area.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db.$queryRaw<FinderShop[]>`
    SELECT ${SHOP_COLUMNS} FROM agents a
    WHERE a.status = 'ACTIVE'
      AND (lower(a.area_name) LIKE ${pattern} OR lower(a.location_text) LIKE ${pattern})
    ORDER BY a.area_name NULLS LAST, a.shop_name, a.id
    LIMIT ${limit}`;
}

/** Float free to commit (balance - holds) of each owner's FLOAT account in the currency. */
export async function freeFloats(
  db: Tx,
  ownerIds: string[],
  currency: string,
): Promise<Map<string, bigint>> {
  if (ownerIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ userId: string; free: bigint }[]>`
    SELECT user_id::text AS "userId", balance - on_hold AS free FROM accounts
    WHERE kind = 'FLOAT' AND currency = ${currency}
      AND user_id = ANY (${ownerIds}::uuid[])`;
  return new Map(rows.map((r) => [r.userId, r.free]));
}

/**
 * What each shop has promised to customers: the sum of its accepted reservations still held,
 * by type. The finder subtracts it from what the shop has free.
 */
export async function committedByShop(
  db: Tx,
  agentIds: string[],
): Promise<Map<string, { CASH_IN: bigint; CASH_OUT: bigint }>> {
  const out = new Map<string, { CASH_IN: bigint; CASH_OUT: bigint }>();
  if (agentIds.length === 0) return out;
  const rows = await db.$queryRaw<{ agentId: string; type: "CASH_IN" | "CASH_OUT"; sum: bigint }[]>`
    SELECT agent_id::text AS "agentId", type::text AS type, sum(amount)::bigint AS sum
    FROM reservations
    WHERE agent_id = ANY (${agentIds}::uuid[]) AND status = 'ACCEPTED' AND expires_at > now()
    GROUP BY agent_id, type`;
  for (const r of rows) {
    const entry = out.get(r.agentId) ?? { CASH_IN: 0n, CASH_OUT: 0n };
    entry[r.type] = r.sum;
    out.set(r.agentId, entry);
  }
  return out;
}

/**
 * Locks a shop's row for the rest of the transaction: accepting reservations against one
 * shop takes turns, so each sees what the ones before it committed. FOR NO KEY UPDATE leaves
 * the key-share locks of new reservations' foreign keys unblocked.
 */
export async function lockShopRow(db: Tx, agentId: string): Promise<void> {
  await db.$queryRaw`SELECT 1 FROM agents WHERE id = ${agentId}::uuid FOR NO KEY UPDATE`;
}

export interface ReservationRow {
  id: string;
  customerId: string;
  agentId: string;
  type: "CASH_IN" | "CASH_OUT";
  amount: bigint;
  currency: string;
  status: ReservationStatus;
  createdAt: Date;
  expiresAt: Date;
}

const RESERVATION_COLUMNS = Prisma.sql`
  r.id::text AS id, r.customer_id::text AS "customerId", r.agent_id::text AS "agentId",
  r.type::text AS type, r.amount, r.currency, r.status, r.created_at AS "createdAt",
  r.expires_at AS "expiresAt"`;

/**
 * Writes the customer's lapsed open reservations as EXPIRED, so the one-open index admits a
 * new one. Everywhere else a lapsed row is read as expired without writing it.
 */
export async function expireLapsedOf(db: Tx, customerId: string): Promise<void> {
  await db.$executeRaw`
    UPDATE reservations SET status = 'EXPIRED', closed_at = now()
    WHERE customer_id = ${customerId}::uuid AND status IN ('REQUESTED', 'ACCEPTED')
      AND expires_at <= now()`;
}

/** Inserts a reservation unless the customer has an open one; false when they have. */
export async function insertReservation(
  db: Tx,
  r: {
    id: string;
    customerId: string;
    agentId: string;
    type: "CASH_IN" | "CASH_OUT";
    amount: bigint;
    currency: string;
    minutes: number;
  },
): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO reservations (id, customer_id, agent_id, type, amount, currency, expires_at)
    VALUES (${r.id}::uuid, ${r.customerId}::uuid, ${r.agentId}::uuid, ${r.type}::"OrderType",
            ${r.amount}, ${r.currency}, now() + make_interval(mins => ${r.minutes}::int))
    ON CONFLICT (customer_id) WHERE status IN ('REQUESTED', 'ACCEPTED') DO NOTHING`;
  return inserted === 1;
}

/** The customer's open reservation (lapsed or not) with its shop's name, or null. */
export async function openReservationOf(
  db: Tx,
  customerId: string,
): Promise<(ReservationRow & { shopName: string }) | null> {
  const rows = await db.$queryRaw<(ReservationRow & { shopName: string })[]>`
    SELECT ${RESERVATION_COLUMNS}, a.shop_name AS "shopName"
    FROM reservations r JOIN agents a ON a.id = r.agent_id
    WHERE r.customer_id = ${customerId}::uuid AND r.status IN ('REQUESTED', 'ACCEPTED')`;
  return rows[0] ?? null;
}

export interface CustomerReservationRow extends ReservationRow {
  shopName: string;
  areaName: string | null;
  locationText: string;
}

/** The customer's most recent reservation made in the last day, with its shop; or null. */
export async function latestReservationOf(
  db: Tx,
  customerId: string,
): Promise<CustomerReservationRow | null> {
  const rows = await db.$queryRaw<CustomerReservationRow[]>`
    SELECT ${RESERVATION_COLUMNS}, a.shop_name AS "shopName", a.area_name AS "areaName",
           a.location_text AS "locationText"
    FROM reservations r JOIN agents a ON a.id = r.agent_id
    WHERE r.customer_id = ${customerId}::uuid AND r.created_at > now() - interval '1 day'
    ORDER BY r.created_at DESC, r.id DESC
    LIMIT 1`;
  return rows[0] ?? null;
}

export function findReservation(db: Tx, id: string): Promise<ReservationRow | null> {
  return db.$queryRaw<ReservationRow[]>`
    SELECT ${RESERVATION_COLUMNS} FROM reservations r WHERE r.id = ${id}::uuid`.then(
    (rows) => rows[0] ?? null,
  );
}

/**
 * REQUESTED -> ACCEPTED for this shop, held from now for `minutes`, only while it is still
 * waiting and has not lapsed; returns the new expiry, or null when it was not waiting.
 */
export async function markAccepted(
  db: Tx,
  r: { id: string; agentId: string; by: string; minutes: number },
): Promise<Date | null> {
  const rows = await db.$queryRaw<{ expiresAt: Date }[]>`
    UPDATE reservations
    SET status = 'ACCEPTED', decided_by = ${r.by}::uuid, decided_at = now(),
        expires_at = now() + make_interval(mins => ${r.minutes}::int)
    WHERE id = ${r.id}::uuid AND agent_id = ${r.agentId}::uuid
      AND status = 'REQUESTED' AND expires_at > now()
    RETURNING expires_at AS "expiresAt"`;
  return rows[0]?.expiresAt ?? null;
}

/** REQUESTED -> DECLINED for this shop while it is still waiting; false when it was not. */
export async function markDeclined(
  db: Tx,
  r: { id: string; agentId: string; by: string },
): Promise<boolean> {
  const changed = await db.$executeRaw`
    UPDATE reservations
    SET status = 'DECLINED', decided_by = ${r.by}::uuid, decided_at = now(), closed_at = now()
    WHERE id = ${r.id}::uuid AND agent_id = ${r.agentId}::uuid
      AND status = 'REQUESTED' AND expires_at > now()`;
  return changed === 1;
}

/** The customer's own open, unlapsed reservation -> CANCELLED; false when it was not open. */
export async function markCancelled(
  db: Tx,
  r: { id: string; customerId: string },
): Promise<boolean> {
  const changed = await db.$executeRaw`
    UPDATE reservations SET status = 'CANCELLED', closed_at = now()
    WHERE id = ${r.id}::uuid AND customer_id = ${r.customerId}::uuid
      AND status IN ('REQUESTED', 'ACCEPTED') AND expires_at > now()`;
  return changed === 1;
}

/**
 * The shop scanned an order of a customer it holds an accepted reservation for: the
 * reservation is USED (its amount no longer counts as promised). One statement on its own.
 */
export async function markUsed(
  runner: Runner,
  r: { customerId: string; agentId: string; type: "CASH_IN" | "CASH_OUT" },
): Promise<void> {
  await prismaOf(runner).$executeRaw`
    UPDATE reservations SET status = 'USED', closed_at = now()
    WHERE customer_id = ${r.customerId}::uuid AND agent_id = ${r.agentId}::uuid
      AND type = ${r.type}::"OrderType" AND status = 'ACCEPTED' AND expires_at > now()`;
}

export interface ShopReservationRow extends ReservationRow {
  customerName: string;
  customerPhone: string;
}

/** A shop's open, unlapsed reservations, soonest to lapse first. */
export function openReservationsOfShop(db: Tx, agentId: string): Promise<ShopReservationRow[]> {
  return db.$queryRaw<ShopReservationRow[]>`
    SELECT ${RESERVATION_COLUMNS}, u.name AS "customerName", u.phone AS "customerPhone"
    FROM reservations r JOIN users u ON u.id = r.customer_id
    WHERE r.agent_id = ${agentId}::uuid AND r.status IN ('REQUESTED', 'ACCEPTED')
      AND r.expires_at > now()
    ORDER BY r.expires_at, r.id
    LIMIT 50`;
}

export interface ShopPlace {
  id: string;
  shopName: string;
  areaName: string | null;
  locationText: string;
  latitude: number | null;
  longitude: number | null;
  openingHours: unknown;
}

export async function shopPlace(db: Tx, agentId: string): Promise<ShopPlace | null> {
  const rows = await db.$queryRaw<ShopPlace[]>`
    SELECT a.id::text AS id, a.shop_name AS "shopName", a.area_name AS "areaName",
           a.location_text AS "locationText", a.latitude::float8 AS latitude,
           a.longitude::float8 AS longitude, a.opening_hours AS "openingHours"
    FROM agents a WHERE a.id = ${agentId}::uuid`;
  return rows[0] ?? null;
}

export async function setOpeningHours(db: Tx, agentId: string, hours: unknown): Promise<void> {
  await db.$executeRaw`
    UPDATE agents SET opening_hours = ${JSON.stringify(hours)}::jsonb WHERE id = ${agentId}::uuid`;
}

export async function setShopPosition(
  db: Tx,
  p: { agentId: string; latitude: number; longitude: number; areaName: string },
): Promise<boolean> {
  const changed = await db.$executeRaw`
    UPDATE agents SET latitude = ${p.latitude}::numeric, longitude = ${p.longitude}::numeric,
                      area_name = ${p.areaName}
    WHERE id = ${p.agentId}::uuid`;
  return changed === 1;
}
