import { randomUUID } from "node:crypto";
import { maskPhone } from "@/domain/codes";
import { DomainError, money } from "@/domain/errors";
import {
  type CanServe,
  canServe,
  coarse,
  distanceMetres,
  MAX_RESULTS,
  type Point,
  type ReservationStatus,
  roundedForComparison,
  SEARCH_RADIUS_M,
  SEARCHES_PER_DAY,
  SEARCHES_PER_QUARTER_HOUR,
  statusAt,
} from "@/domain/finder";
import { isOpenAt, readWeekHours } from "@/domain/opening-hours";
import { inTransaction, type Tx } from "../db/transaction";
import { balancesOfUser } from "../repositories/accounts";
import {
  type CustomerReservationRow,
  cashAvailableForFinder,
  committedByShop,
  expireLapsedOf,
  type FinderShop,
  findReservation,
  freeFloats,
  insertReservation,
  latestReservationOf,
  lockShopRow,
  markAccepted,
  markCancelled,
  markDeclined,
  openReservationOf,
  openReservationsOfShop,
  shopsInArea,
  shopsNear,
} from "../repositories/finder";
import { currentSettings } from "../repositories/settings";
import { agentStatusOf, shopOfUser } from "../repositories/users";
import type { Actor } from "./actor";
import { admitAttempt } from "./failure-limits";
import { idempotent } from "./idempotent";

type OrderType = "CASH_IN" | "CASH_OUT";

export interface FinderResult {
  /** The amount every shop was checked against: the asked amount rounded up to KES 500. */
  checkedAmount: bigint;
  currency: string;
  shops: {
    agentId: string;
    shopName: string;
    areaName: string | null;
    locationText: string;
    /** Metres, to the nearest 100; null for a search by area. */
    distanceMetres: number | null;
    /** Where the shop is (its public address on the map); null when not set. */
    latitude: number | null;
    longitude: number | null;
    /** Open now by its opening hours; null when the shop gave none. */
    openNow: boolean | null;
    /** Whether it can pay this amount now; never how much it has. */
    canServe: CanServe;
  }[];
}

async function settingsCurrency(tx: Tx, given: string): Promise<{ minutes: number }> {
  const { settings } = await currentSettings(tx);
  if (given !== settings.currency) {
    throw new DomainError("INVALID_INPUT", "wrongCurrency", {
      expected: settings.currency,
      given,
    });
  }
  return { minutes: settings.finder.reservationMinutes };
}

/** About 0.25 degrees either way covers SEARCH_RADIUS_M at Nairobi's latitude. */
const BOX_DEGREES = 0.25;

/**
 * Shops near the phone (or in a typed area) that are open and can pay the amount now. Every
 * search spends the customer's search budget first, counted in one statement before any
 * read, so a burst gets exactly the budget. The amount is rounded up to KES 500 and each shop
 * is told as YES / NO / ASK: the phone never receives a balance.
 */
export async function searchAgents(
  actor: Actor,
  input: {
    type: OrderType;
    amount: bigint;
    currency: string;
    near?: Point | undefined;
    area?: string | undefined;
  },
): Promise<FinderResult> {
  await admitAttempt(
    [
      { key: `finder:quarter:${actor.userId}`, policy: SEARCHES_PER_QUARTER_HOUR },
      { key: `finder:day:${actor.userId}`, policy: SEARCHES_PER_DAY },
    ],
    "tooMany.searches",
  );
  const checkedAmount = roundedForComparison(input.amount);
  return inTransaction(async (tx) => {
    await settingsCurrency(tx, input.currency);
    const now = new Date();
    let found: { shop: FinderShop; distance: number | null }[];
    if (input.near) {
      const from = coarse(input.near);
      found = (await shopsNear(tx, { ...from, degrees: BOX_DEGREES }, 500))
        .filter((s) => s.latitude !== null && s.longitude !== null)
        .map((shop) => ({
          shop,
          distance: distanceMetres(from, { latitude: shop.latitude!, longitude: shop.longitude! }),
        }))
        .filter((s) => s.distance <= SEARCH_RADIUS_M)
        .sort((a, b) => a.distance - b.distance || a.shop.id.localeCompare(b.shop.id))
        .slice(0, MAX_RESULTS);
    } else {
      found = (await shopsInArea(tx, input.area ?? "", MAX_RESULTS)).map((shop) => ({
        shop,
        distance: null,
      }));
    }
    const ids = found.map((f) => f.shop.id);
    const committed = await committedByShop(tx, ids);
    const floats =
      input.type === "CASH_IN"
        ? await freeFloats(
            tx,
            found.map((f) => f.shop.userId),
            input.currency,
          )
        : null;
    const shops: FinderResult["shops"] = [];
    for (const { shop, distance } of found) {
      const available = floats
        ? (floats.get(shop.userId) ?? 0n)
        : await cashAvailableForFinder(tx, shop.id, input.currency);
      shops.push({
        agentId: shop.id,
        shopName: shop.shopName,
        areaName: shop.areaName,
        locationText: shop.locationText,
        distanceMetres: distance === null ? null : Math.round(distance / 100) * 100,
        latitude: shop.latitude,
        longitude: shop.longitude,
        openNow: isOpenAt(readWeekHours(shop.openingHours), now),
        canServe: canServe(available, committed.get(shop.id)?.[input.type] ?? 0n, checkedAmount),
      });
    }
    return { checkedAmount, currency: input.currency, shops };
  });
}

export interface CustomerReservationView {
  id: string;
  agentId: string;
  shopName: string;
  areaName: string | null;
  locationText: string;
  type: OrderType;
  amount: bigint;
  currency: string;
  status: ReservationStatus;
  /** Until when the shop holds it (ACCEPTED), or until when it waits for an answer. */
  expiresAt: Date;
}

function customerView(r: CustomerReservationRow, now: Date): CustomerReservationView {
  return {
    id: r.id,
    agentId: r.agentId,
    shopName: r.shopName,
    areaName: r.areaName,
    locationText: r.locationText,
    type: r.type,
    amount: r.amount,
    currency: r.currency,
    status: statusAt(r, now),
    expiresAt: r.expiresAt,
  };
}

/**
 * The customer asks a shop to keep the amount for them. One open reservation per customer
 * (a unique index decides, so a burst from one phone makes exactly one); the shop answers on
 * its tablet, and an unanswered request lapses after finder.reservationMinutes.
 */
export function reserveAgent(
  actor: Actor,
  input: {
    agentId: string;
    type: OrderType;
    amount: bigint;
    currency: string;
    idempotencyKey: string;
  },
): Promise<CustomerReservationView> {
  const { idempotencyKey, ...payload } = input;
  return idempotent(actor, idempotencyKey, "finder.reserve", payload, async (tx) => {
    const { minutes } = await settingsCurrency(tx, input.currency);
    const agent = await agentStatusOf(tx, input.agentId);
    if (!agent) throw new DomainError("NOT_FOUND", "noSuchAgent");
    if (agent.status !== "ACTIVE") throw new DomainError("CONFLICT", "shopNotReservable");
    if (input.type === "CASH_OUT") {
      // A shop keeps cash aside for this: only for a wallet that could pay it out now.
      const wallet = (await balancesOfUser(tx, actor.userId)).find(
        (b) => b.kind === "WALLET" && b.currency === input.currency,
      );
      if (!wallet || wallet.balance - wallet.onHold < input.amount) {
        throw new DomainError("INSUFFICIENT_BALANCE", "balanceNotEnough");
      }
    }
    await expireLapsedOf(tx, actor.userId);
    const id = randomUUID();
    if (!(await insertReservation(tx, { id, customerId: actor.userId, ...payload, minutes }))) {
      const open = await openReservationOf(tx, actor.userId);
      throw new DomainError("CONFLICT", "reservationOpen", { shop: open?.shopName ?? "" });
    }
    const made = await latestReservationOf(tx, actor.userId);
    return customerView(made!, new Date());
  });
}

/** The customer's latest reservation of the last day, as it stands now; null if none. */
export function myReservation(actor: Actor): Promise<CustomerReservationView | null> {
  return inTransaction(async (tx) => {
    const r = await latestReservationOf(tx, actor.userId);
    return r ? customerView(r, new Date()) : null;
  });
}

/** The customer withdraws their open reservation: the shop's promise is freed at once. */
export function cancelReservation(
  actor: Actor,
  input: { reservationId: string; idempotencyKey: string },
): Promise<CustomerReservationView> {
  const { idempotencyKey, ...payload } = input;
  return idempotent(actor, idempotencyKey, "finder.cancel", payload, async (tx) => {
    const r = await findReservation(tx, input.reservationId);
    if (!r || r.customerId !== actor.userId) {
      throw new DomainError("NOT_FOUND", "noSuchReservation");
    }
    if (!(await markCancelled(tx, { id: r.id, customerId: actor.userId }))) {
      throw new DomainError("CONFLICT", "reservationClosed");
    }
    return customerView((await latestReservationOf(tx, actor.userId))!, new Date());
  });
}

export interface ShopReservationView {
  id: string;
  customerName: string;
  customerPhone: string;
  type: OrderType;
  amount: bigint;
  currency: string;
  status: "REQUESTED" | "ACCEPTED";
  expiresAt: Date;
}

async function callerShop(tx: Tx, actor: Actor) {
  const shop = await shopOfUser(tx, actor.userId);
  if (!shop) throw new DomainError("FORBIDDEN", "notAnAgent");
  return shop;
}

/** The shop's upcoming demand: reservations waiting for an answer and those it holds. */
export function shopReservations(actor: Actor): Promise<ShopReservationView[]> {
  return inTransaction(async (tx) => {
    const shop = await callerShop(tx, actor);
    const rows = await openReservationsOfShop(tx, shop.id);
    return rows.map((r) => ({
      id: r.id,
      customerName: r.customerName,
      customerPhone: maskPhone(r.customerPhone),
      type: r.type,
      amount: r.amount,
      currency: r.currency,
      status: r.status as "REQUESTED" | "ACCEPTED",
      expiresAt: r.expiresAt,
    }));
  });
}

/** A reservation of the caller's shop, or NOT_FOUND (another shop's is none of its business). */
async function shopsReservation(tx: Tx, shopId: string, reservationId: string) {
  const r = await findReservation(tx, reservationId);
  if (!r || r.agentId !== shopId) throw new DomainError("NOT_FOUND", "noSuchReservation");
  return r;
}

/**
 * The shop accepts: it promises to keep the amount for finder.reservationMinutes. Under the
 * shop's row lock, what it has free (float for a cash-in, cash on hand for a cash-out) minus
 * what it already promised must cover the amount, so a burst of accepts never promises more
 * than the shop has. Cash on hand not known (null) leaves it to the shopkeeper, who sees
 * the drawer.
 */
export function acceptReservation(
  actor: Actor,
  input: { reservationId: string; idempotencyKey: string },
): Promise<{ id: string; status: "ACCEPTED"; expiresAt: Date }> {
  const { idempotencyKey, ...payload } = input;
  return idempotent(actor, idempotencyKey, "finder.accept", payload, async (tx) => {
    const shop = await callerShop(tx, actor);
    if (shop.status === "SUSPENDED") {
      throw new DomainError(
        "AGENT_SUSPENDED",
        shop.suspendedReason ? "shopSuspendedBecause" : "shopSuspended",
        { reason: shop.suspendedReason ?? "" },
      );
    }
    const r = await shopsReservation(tx, shop.id, input.reservationId);
    await lockShopRow(tx, shop.id);
    const { settings } = await currentSettings(tx);
    const promised = (await committedByShop(tx, [shop.id])).get(shop.id)?.[r.type] ?? 0n;
    const available =
      r.type === "CASH_IN"
        ? ((await freeFloats(tx, [shop.userId], r.currency)).get(shop.userId) ?? 0n)
        : await cashAvailableForFinder(tx, shop.id, r.currency);
    if (statusAt(r, new Date()) !== "REQUESTED") {
      throw new DomainError("CONFLICT", "reservationNotWaiting");
    }
    if (canServe(available, promised, r.amount) === "NO") {
      throw new DomainError("INSUFFICIENT_FLOAT", "reservationCannotServe", {
        amount: money(r.amount, r.currency),
      });
    }
    const expiresAt = await markAccepted(tx, {
      id: r.id,
      agentId: shop.id,
      by: actor.userId,
      minutes: settings.finder.reservationMinutes,
    });
    if (!expiresAt) throw new DomainError("CONFLICT", "reservationNotWaiting");
    return { id: r.id, status: "ACCEPTED" as const, expiresAt };
  });
}

/** The shop says no; the customer sees it on their phone and can reserve elsewhere. */
export function declineReservation(
  actor: Actor,
  input: { reservationId: string; idempotencyKey: string },
): Promise<{ id: string; status: "DECLINED" }> {
  const { idempotencyKey, ...payload } = input;
  return idempotent(actor, idempotencyKey, "finder.decline", payload, async (tx) => {
    const shop = await callerShop(tx, actor);
    const r = await shopsReservation(tx, shop.id, input.reservationId);
    if (!(await markDeclined(tx, { id: r.id, agentId: shop.id, by: actor.userId }))) {
      throw new DomainError("CONFLICT", "reservationNotWaiting");
    }
    return { id: r.id, status: "DECLINED" as const };
  });
}
