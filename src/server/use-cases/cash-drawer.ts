import { randomUUID } from "node:crypto";
import {
  type CountedPiece,
  cashOnHand,
  countedTotal,
  type DrawerMoveKind,
  isLow,
  type LogbookEvent,
  logbook,
  OWNER_ONLY_MOVES,
  runsOutAt,
  signedMoveAmount,
  variance,
} from "@/domain/cash-drawer";
import { DomainError, money } from "@/domain/errors";
import type { CurrencyCode } from "@/domain/money";
import type { Settings } from "@/domain/settings";
import { inTransaction, isUniqueViolation, type Tx } from "../db/transaction";
import { balancesOfUser } from "../repositories/accounts";
import { appendAudit } from "../repositories/audit";
import {
  closeDayRow,
  type DrawerDayRow,
  daySums,
  daysSince,
  endOfToday,
  floatAccountOf,
  floatBefore,
  floatLinesSince,
  floatTradeToday,
  insertDay,
  insertMove,
  lockAgentRow,
  lockFloatHorizon,
  movesOfDays,
  openDayOf,
  setThresholdsRow,
  thresholdsOf,
} from "../repositories/cash-drawer";
import { currentSettings } from "../repositories/settings";
import { agentShop, type ShopRow, shopOfUser } from "../repositories/users";
import type { Actor } from "./actor";
import { idempotent } from "./idempotent";

const DAY_MS = 24 * 60 * 60 * 1000;
/** The logbook's window: two weeks of a shop's days. */
const LOGBOOK_DAYS = 14;
/** At most this many float movements in the logbook; a busier fortnight shows its oldest cut. */
const LOGBOOK_LINES = 2_000;

/** A count is a total or notes and coins; exactly one (the router checks). */
export interface Count {
  total?: bigint | undefined;
  pieces?: CountedPiece[] | undefined;
}

async function shopOf(tx: Tx, actor: Actor): Promise<ShopRow> {
  const shop = await shopOfUser(tx, actor.userId);
  if (!shop) throw new DomainError("FORBIDDEN", "notAnAgent");
  return shop;
}

function totalOf(count: Count, currency: string): bigint {
  if (count.pieces) {
    const total = countedTotal(count.pieces, currency as CurrencyCode);
    if (total === null) throw new DomainError("INVALID_INPUT", "drawerPiecesUnknown", { currency });
    return total;
  }
  return count.total ?? 0n;
}

/** The thresholds in force for a shop: its own, or the settings' default. */
function thresholdsFor(
  settings: Settings,
  own: { lowFloatThreshold: bigint | null; lowCashThreshold: bigint | null } | null,
) {
  return {
    lowFloat: own?.lowFloatThreshold ?? settings.liquidity.lowFloat,
    lowCash: own?.lowCashThreshold ?? settings.liquidity.lowCash,
    ownLowFloat: own?.lowFloatThreshold ?? null,
    ownLowCash: own?.lowCashThreshold ?? null,
  };
}

/** An open day with its cash on hand now. */
async function openDayNow(tx: Tx, day: DrawerDayRow, floatId: bigint | null) {
  const sums = await daySums(tx, day, floatId);
  return {
    id: day.id,
    openedAt: day.openedAt,
    openingCount: day.openingCount,
    ...sums,
    cashOnHand: cashOnHand({ openingCount: day.openingCount, ...sums }),
  };
}

async function liquidityOf(tx: Tx, shop: { id: string; userId: string }) {
  const { settings } = await currentSettings(tx);
  const currency = settings.currency;
  const floatRow = (await balancesOfUser(tx, shop.userId)).find(
    (b) => b.kind === "FLOAT" && b.currency === currency,
  );
  const float = floatRow ? floatRow.balance - floatRow.onHold : 0n;
  const thresholds = thresholdsFor(settings, await thresholdsOf(tx, shop.id));
  const open = await openDayOf(tx, shop.id);
  const day =
    open && open.currency === currency
      ? await openDayNow(tx, open, floatRow?.accountId ?? null)
      : null;
  const clock = await endOfToday(tx);
  const trade = floatRow ? await floatTradeToday(tx, floatRow.accountId) : null;
  return {
    currency,
    float,
    day,
    thresholds,
    lowFloat: isLow(float, thresholds.lowFloat),
    // Without an open day there is no count to judge the cash by.
    lowCash: day ? isLow(day.cashOnHand, thresholds.lowCash) : false,
    floatRunsOutAt: trade
      ? runsOutAt({
          now: clock.now,
          since: trade.since,
          balanceThen: trade.balanceThen,
          balanceNow: floatRow!.balance,
          endOfDay: clock.endOfDay,
        })
      : null,
    cashRunsOutAt: day
      ? runsOutAt({
          now: clock.now,
          since: day.openedAt,
          balanceThen: day.openingCount,
          balanceNow: day.cashOnHand,
          endOfDay: clock.endOfDay,
        })
      : null,
  };
}

/**
 * What the tablet shows of the drawer and the float: the open day and its cash, the
 * thresholds, whether either is low, when each runs out at today's pace, and whether the
 * caller is the owner (who alone sees the owner-only forms).
 */
export async function drawerScreen(actor: Actor) {
  return inTransaction(async (tx) => {
    const shop = await shopOf(tx, actor);
    return { shopName: shop.shopName, isOwner: shop.isOwner, ...(await liquidityOf(tx, shop)) };
  });
}

/**
 * Opens the shop's drawer for the day with a count. One open day per shop: opens take turns
 * on the shop's row, and the partial unique index is the last word.
 */
export async function openDrawer(
  actor: Actor,
  input: Count & { idempotencyKey: string },
): Promise<{ dayId: string; openingCount: bigint; openedAt: Date }> {
  const { idempotencyKey, ...count } = input;
  return idempotent(actor, idempotencyKey, "drawer.open", count, async (tx) => {
    const shop = await shopOf(tx, actor);
    const { settings } = await currentSettings(tx);
    const openingCount = totalOf(count, settings.currency);
    await lockAgentRow(tx, shop.id);
    const already = await openDayOf(tx, shop.id);
    if (already) {
      throw new DomainError("CONFLICT", "drawerAlreadyOpen", {
        amount: money(already.openingCount, already.currency),
      });
    }
    // Orders whose completion the float posts after this belong to the day.
    const floatId = await floatAccountOf(tx, shop.userId, settings.currency);
    const floatPostingFrom = floatId === null ? 0n : await lockFloatHorizon(tx, floatId);
    let day: DrawerDayRow;
    try {
      day = await insertDay(tx, {
        id: randomUUID(),
        agentId: shop.id,
        currency: settings.currency,
        openedBy: actor.userId,
        openingCount,
        floatPostingFrom,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError("CONFLICT", "drawerAlreadyOpenNow");
      throw error;
    }
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "drawer.open",
      entityType: "agent",
      entityId: shop.id,
      ip: actor.ip,
      after: { dayId: day.id, openingCount, currency: day.currency, pieces: count.pieces },
    });
    return { dayId: day.id, openingCount, openedAt: day.openedAt };
  });
}

/**
 * Cash into or out of the open drawer other than across the counter. The owner's own money
 * (OWNER_TOOK, OWNER_ADDED) is the owner's to record. A move racing a close waits for the
 * shop's row: it lands in the day before the close counts, or finds no open day.
 */
export async function moveDrawerCash(
  actor: Actor,
  input: {
    kind: DrawerMoveKind;
    amount: bigint;
    note?: string | undefined;
    idempotencyKey: string;
  },
): Promise<{ moveId: string; cashOnHand: bigint }> {
  const { idempotencyKey, ...payload } = input;
  return idempotent(actor, idempotencyKey, "drawer.move", payload, async (tx) => {
    const shop = await shopOf(tx, actor);
    if (OWNER_ONLY_MOVES.includes(input.kind) && !shop.isOwner) {
      throw new DomainError("FORBIDDEN", "drawerOwnerOnly");
    }
    await lockAgentRow(tx, shop.id);
    const day = await openDayOf(tx, shop.id);
    if (!day) throw new DomainError("CONFLICT", "drawerNotOpen");
    const amount = signedMoveAmount(input.kind, input.amount);
    const sums = await daySums(tx, day, await floatAccountOf(tx, shop.userId, day.currency));
    const before = cashOnHand({ openingCount: day.openingCount, ...sums });
    // The record cannot say more cash left the drawer than it holds.
    if (before + amount < 0n) {
      throw new DomainError("INSUFFICIENT_BALANCE", "drawerCashShort", {
        amount: money(input.amount, day.currency),
        cash: money(before, day.currency),
      });
    }
    const moveId = randomUUID();
    await insertMove(tx, {
      id: moveId,
      dayId: day.id,
      kind: input.kind,
      amount,
      note: input.note ?? null,
      byUser: actor.userId,
    });
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "drawer.move",
      entityType: "agent",
      entityId: shop.id,
      ip: actor.ip,
      after: { dayId: day.id, moveId, kind: input.kind, amount, note: input.note ?? null },
    });
    return { moveId, cashOnHand: before + amount };
  });
}

/**
 * Closes the open day with the count: what was expected (the derived cash on hand) and the
 * variance are kept with it. The close holds the shop's row (no move slips in) and the float
 * account's: the day ends at the float's last posting, every completion up to it is committed
 * and counted, and every later one belongs to no day.
 */
export async function closeDrawer(
  actor: Actor,
  input: Count & { idempotencyKey: string },
): Promise<{ dayId: string; counted: bigint; expected: bigint; variance: bigint; closedAt: Date }> {
  const { idempotencyKey, ...count } = input;
  return idempotent(actor, idempotencyKey, "drawer.close", count, async (tx) => {
    const shop = await shopOf(tx, actor);
    await lockAgentRow(tx, shop.id);
    const day = await openDayOf(tx, shop.id);
    if (!day) throw new DomainError("CONFLICT", "drawerNotOpen");
    const counted = totalOf(count, day.currency);
    // A shop without a float account has no order that could have completed.
    const floatId = await floatAccountOf(tx, shop.userId, day.currency);
    const floatPostingTo =
      floatId === null ? day.floatPostingFrom : await lockFloatHorizon(tx, floatId);
    const sums = await daySums(tx, { ...day, floatPostingTo }, floatId);
    const expected = cashOnHand({ openingCount: day.openingCount, ...sums });
    const off = variance(counted, expected);
    const closed = await closeDayRow(tx, {
      id: day.id,
      closedBy: actor.userId,
      counted,
      expected,
      variance: off,
      floatPostingTo,
    });
    if (!closed) throw new DomainError("CONFLICT", "drawerNotOpen");
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "drawer.close",
      entityType: "agent",
      entityId: shop.id,
      ip: actor.ip,
      before: { dayId: day.id, openingCount: day.openingCount, ...sums },
      after: { counted, expected, variance: off, pieces: count.pieces },
    });
    return { dayId: day.id, counted, expected, variance: off, closedAt: closed.closedAt };
  });
}

/** The last two weeks' days of a shop (newest first), each with its moves. */
async function recentDays(tx: Tx, agentId: string, since: Date) {
  const days = await daysSince(tx, agentId, since, LOGBOOK_DAYS * 4);
  const moves = await movesOfDays(
    tx,
    days.map((d) => d.id),
  );
  return { days, moves };
}

/**
 * The shop's logbook for the last 14 days, newest first: each order, move, opening and close
 * with the cash and float after it, and the days' closes with their variance.
 */
export async function drawerLogbook(actor: Actor) {
  return inTransaction(async (tx) => {
    const shop = await shopOf(tx, actor);
    const { settings } = await currentSettings(tx);
    const since = new Date(Date.now() - LOGBOOK_DAYS * DAY_MS);
    const { days, moves } = await recentDays(tx, shop.id, since);
    const floatId = await floatAccountOf(tx, shop.userId, settings.currency);
    const floatLines =
      floatId === null ? [] : await floatLinesSince(tx, floatId, since, LOGBOOK_LINES);
    // An order belongs to the day whose float postings hold its completion (as daySums counts
    // it); other float movements are shown in the day they happened in.
    const dayOfPosting = (postingId: bigint) =>
      days.find(
        (d) =>
          d.currency === settings.currency &&
          postingId > d.floatPostingFrom &&
          (d.floatPostingTo === null || postingId <= d.floatPostingTo),
      )?.id ?? null;
    const dayAt = (at: Date) =>
      days.find(
        (d) =>
          d.currency === settings.currency &&
          d.openedAt.getTime() <= at.getTime() &&
          (d.closedAt === null || at.getTime() <= d.closedAt.getTime()),
      )?.id ?? null;
    const events: LogbookEvent[] = [];
    for (const d of days) {
      events.push({ what: "OPEN", at: d.openedAt, dayId: d.id, amount: d.openingCount });
      if (d.closedAt && d.counted !== null && d.expected !== null) {
        events.push({
          what: "CLOSE",
          at: d.closedAt,
          dayId: d.id,
          counted: d.counted,
          expected: d.expected,
        });
      }
    }
    for (const m of moves) {
      events.push({
        what: "MOVE",
        at: m.createdAt,
        dayId: m.dayId,
        move: m.kind,
        amount: m.amount,
      });
    }
    for (const f of floatLines) {
      const isCompletion =
        f.orderType !== null && f.entryKind === f.orderType && f.orderAmount !== null;
      events.push(
        isCompletion
          ? {
              what: "ORDER",
              at: f.at,
              dayId: dayOfPosting(f.postingId),
              orderType: f.orderType!,
              amount: f.orderAmount!,
              reference: f.reference!,
              balanceAfter: f.balanceAfter,
            }
          : {
              what: "FLOAT",
              at: f.at,
              dayId: dayAt(f.at),
              entryKind: f.entryKind,
              balanceAfter: f.balanceAfter,
            },
      );
    }
    const lines = logbook(events, floatId === null ? null : await floatBefore(tx, floatId, since));
    return {
      currency: settings.currency,
      lines: lines.reverse(),
      days: days.map(dayView),
    };
  });
}

function dayView(d: DrawerDayRow) {
  return {
    id: d.id,
    currency: d.currency,
    openedAt: d.openedAt,
    openingCount: d.openingCount,
    closedAt: d.closedAt,
    counted: d.counted,
    expected: d.expected,
    variance: d.variance,
  };
}

/** The owner sets the shop's own thresholds (null: the platform's default). */
export async function setShopThresholds(
  actor: Actor,
  input: { lowFloat: bigint | null; lowCash: bigint | null },
) {
  return inTransaction(async (tx) => {
    const shop = await shopOf(tx, actor);
    if (!shop.isOwner) throw new DomainError("FORBIDDEN", "drawerOwnerOnly");
    return setThresholds(tx, actor, shop.id, input);
  });
}

/** An operator sets a shop's thresholds. */
export async function setAgentThresholds(
  actor: Actor,
  input: { agentId: string; lowFloat: bigint | null; lowCash: bigint | null },
) {
  return inTransaction(async (tx) => {
    const agent = await agentShop(tx, input.agentId);
    if (!agent) throw new DomainError("NOT_FOUND", "noSuchAgent");
    return setThresholds(tx, actor, agent.id, input);
  });
}

async function setThresholds(
  tx: Tx,
  actor: Actor,
  agentId: string,
  t: { lowFloat: bigint | null; lowCash: bigint | null },
) {
  const before = await setThresholdsRow(tx, agentId, { lowFloat: t.lowFloat, lowCash: t.lowCash });
  if (!before) throw new DomainError("NOT_FOUND", "noSuchAgent");
  await appendAudit(tx, {
    actorId: actor.userId,
    actorRole: actor.role,
    action: "drawer.thresholds",
    entityType: "agent",
    entityId: agentId,
    ip: actor.ip,
    before,
    after: { lowFloat: t.lowFloat, lowCash: t.lowCash },
  });
  return { lowFloat: t.lowFloat, lowCash: t.lowCash };
}

/** The operator's drawer panel for one shop: liquidity now, the open day, recent closes. */
export async function agentDrawerDays(agentId: string) {
  return inTransaction(async (tx) => {
    const agent = await agentShop(tx, agentId);
    if (!agent) throw new DomainError("NOT_FOUND", "noSuchAgent");
    const liquidity = await liquidityOf(tx, agent);
    const { days } = await recentDays(tx, agent.id, new Date(Date.now() - LOGBOOK_DAYS * DAY_MS));
    return {
      shopName: agent.shopName,
      ...liquidity,
      closes: days.filter((d) => d.closedAt !== null).map(dayView),
    };
  });
}
