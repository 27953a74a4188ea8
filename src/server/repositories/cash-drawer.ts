import type { DrawerMoveKind } from "@/domain/cash-drawer";
import type { Tx } from "../db/transaction";

// The shop's cash drawer (docs/decisions.md, "Cash drawer"): days, moves and the sums that
// cash on hand is derived from. Nothing here touches the ledger.

export interface DrawerDayRow {
  id: string;
  agentId: string;
  currency: string;
  openedAt: Date;
  openedBy: string;
  openingCount: bigint;
  floatPostingFrom: bigint;
  floatPostingTo: bigint | null;
  closedAt: Date | null;
  closedBy: string | null;
  counted: bigint | null;
  expected: bigint | null;
  variance: bigint | null;
}

const DAY_COLUMNS = {
  id: true,
  agentId: true,
  currency: true,
  openedAt: true,
  openedBy: true,
  openingCount: true,
  floatPostingFrom: true,
  floatPostingTo: true,
  closedAt: true,
  closedBy: true,
  counted: true,
  expected: true,
  variance: true,
} as const;

/**
 * Locks the shop's row for the rest of the transaction: opens, moves and closes of one shop
 * take turns, so a burst of opens leaves one day and a move racing a close is either in the
 * day or finds it closed. FOR NO KEY UPDATE leaves foreign-key checks on agents unblocked.
 */
export async function lockAgentRow(db: Tx, agentId: string): Promise<void> {
  await db.$queryRaw`SELECT 1 FROM agents WHERE id = ${agentId}::uuid FOR NO KEY UPDATE`;
}

/**
 * Locks the shop's float account until commit and returns its last posting id (0: none). An
 * order completing takes this lock in ledger_post before its postings get their ids, so the
 * float's posting ids are in commit order: every completion at or below the id returned is
 * committed and visible now, and every later one gets a higher id. Opens and closes draw
 * their day's boundary here.
 */
export async function lockFloatHorizon(db: Tx, accountId: bigint): Promise<bigint> {
  const rows = await db.$queryRaw<{ last: bigint }[]>`
    SELECT coalesce((SELECT max(p.id) FROM postings p WHERE p.account_id = a.id), 0)::bigint AS last
    FROM accounts a WHERE a.id = ${accountId} FOR NO KEY UPDATE`;
  return rows[0]?.last ?? 0n;
}

/** The shop owner's float account in a currency, if it has one (read only: no row lock). */
export async function floatAccountOf(
  db: Tx,
  userId: string,
  currency: string,
): Promise<bigint | null> {
  const row = await db.account.findFirst({
    where: { userId, kind: "FLOAT", currency },
    select: { id: true },
  });
  return row?.id ?? null;
}

export function openDayOf(db: Tx, agentId: string): Promise<DrawerDayRow | null> {
  return db.cashDrawerDay.findFirst({ where: { agentId, closedAt: null }, select: DAY_COLUMNS });
}

/** The days opened since `since`, newest first. */
export function daysSince(
  db: Tx,
  agentId: string,
  since: Date,
  limit: number,
): Promise<DrawerDayRow[]> {
  return db.cashDrawerDay.findMany({
    where: { agentId, OR: [{ openedAt: { gte: since } }, { closedAt: null }] },
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: DAY_COLUMNS,
  });
}

export async function insertDay(
  db: Tx,
  d: {
    id: string;
    agentId: string;
    currency: string;
    openedBy: string;
    openingCount: bigint;
    floatPostingFrom: bigint;
  },
): Promise<DrawerDayRow> {
  return db.cashDrawerDay.create({ data: d, select: DAY_COLUMNS });
}

/**
 * Closes a day once: the guard (still open) makes a second close change nothing. Returns the
 * closed day's time, or null if it was not open.
 */
export async function closeDayRow(
  db: Tx,
  c: {
    id: string;
    closedBy: string;
    counted: bigint;
    expected: bigint;
    variance: bigint;
    floatPostingTo: bigint;
  },
): Promise<{ closedAt: Date } | null> {
  const rows = await db.$queryRaw<{ closedAt: Date }[]>`
    UPDATE cash_drawer_days SET closed_at = clock_timestamp(), closed_by = ${c.closedBy}::uuid,
      counted = ${c.counted}, expected = ${c.expected}, variance = ${c.variance},
      float_posting_to = ${c.floatPostingTo}
    WHERE id = ${c.id}::uuid AND closed_at IS NULL
    RETURNING closed_at AS "closedAt"`;
  return rows[0] ?? null;
}

export async function insertMove(
  db: Tx,
  m: {
    id: string;
    dayId: string;
    kind: DrawerMoveKind;
    amount: bigint;
    note: string | null;
    byUser: string;
  },
): Promise<{ createdAt: Date }> {
  return db.cashDrawerMove.create({ data: m, select: { createdAt: true } });
}

/**
 * What the drawer's cash is derived from, for one day: the cash-ins and cash-outs the shop
 * completed within the day's float postings (the completion's posting on the float account,
 * so orders reversed later are included: a reversal moves no cash across the counter), and
 * the day's moves. `floatId` null: the shop has no float account in the day's currency, so
 * no order could complete.
 */
export async function daySums(
  db: Tx,
  day: { id: string; floatPostingFrom: bigint; floatPostingTo: bigint | null },
  floatId: bigint | null,
): Promise<{ cashIn: bigint; cashOut: bigint; moves: bigint }> {
  const rows = await db.$queryRaw<{ cashIn: bigint; cashOut: bigint; moves: bigint }[]>`
    SELECT
      coalesce(sum(o.amount) FILTER (WHERE o.type = 'CASH_IN'), 0)::bigint AS "cashIn",
      coalesce(sum(o.amount) FILTER (WHERE o.type = 'CASH_OUT'), 0)::bigint AS "cashOut",
      (SELECT coalesce(sum(m.amount), 0)::bigint FROM cash_drawer_moves m
        WHERE m.day_id = ${day.id}::uuid) AS moves
    FROM postings p
    JOIN journal_entries e ON e.id = p.entry_id
    JOIN orders o ON o.id = e.order_id AND e.kind = o.type::text
    WHERE p.account_id = ${floatId} AND p.id > ${day.floatPostingFrom}
      AND (${day.floatPostingTo}::bigint IS NULL OR p.id <= ${day.floatPostingTo}::bigint)`;
  return rows[0]!;
}

export interface DrawerMoveRow {
  id: string;
  dayId: string;
  kind: DrawerMoveKind;
  amount: bigint;
  note: string | null;
  byUser: string;
  createdAt: Date;
}

/** The moves of these days, oldest first. */
export async function movesOfDays(db: Tx, dayIds: string[]): Promise<DrawerMoveRow[]> {
  const rows = await db.cashDrawerMove.findMany({
    where: { dayId: { in: dayIds } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({ ...r, kind: r.kind as DrawerMoveKind }));
}

export interface FloatLineRow {
  postingId: bigint;
  entryKind: string;
  at: Date;
  orderId: string | null;
  orderType: "CASH_IN" | "CASH_OUT" | null;
  orderAmount: bigint | null;
  reference: string | null;
  amount: bigint;
  balanceAfter: bigint;
}

/**
 * Every movement of a float account since `since`, oldest first, with the balance after it
 * (orders, reversals, fundings, de-floats, dispute holds' settlements): the logbook's float.
 */
export function floatLinesSince(db: Tx, accountId: bigint, since: Date, limit: number) {
  return db.$queryRaw<FloatLineRow[]>`
    SELECT p.id AS "postingId", e.kind AS "entryKind", e.created_at AS at, e.order_id::text AS "orderId",
           o.type::text AS "orderType", o.amount AS "orderAmount", o.reference,
           p.amount, p.balance_after AS "balanceAfter"
    FROM postings p
    JOIN journal_entries e ON e.id = p.entry_id
    LEFT JOIN orders o ON o.id = e.order_id
    WHERE p.account_id = ${accountId} AND e.created_at >= ${since}
    ORDER BY p.id ASC
    LIMIT ${limit}`;
}

/** The float before `since`: the balance after the account's last posting before it. */
export async function floatBefore(db: Tx, accountId: bigint, since: Date): Promise<bigint> {
  const rows = await db.$queryRaw<{ balance: bigint }[]>`
    SELECT p.balance_after AS balance FROM postings p JOIN journal_entries e ON e.id = p.entry_id
    WHERE p.account_id = ${accountId} AND e.created_at < ${since}
    ORDER BY p.id DESC LIMIT 1`;
  return rows[0]?.balance ?? 0n;
}

export function thresholdsOf(db: Tx, agentId: string) {
  return db.agent.findUnique({
    where: { id: agentId },
    select: { lowFloatThreshold: true, lowCashThreshold: true },
  });
}

/** Sets a shop's thresholds (null: the settings' default); returns the ones before. */
export async function setThresholdsRow(
  db: Tx,
  agentId: string,
  t: { lowFloat: bigint | null; lowCash: bigint | null },
): Promise<{ lowFloat: bigint | null; lowCash: bigint | null } | null> {
  const rows = await db.$queryRaw<{ lowFloat: bigint | null; lowCash: bigint | null }[]>`
    UPDATE agents a SET low_float_threshold = ${t.lowFloat}, low_cash_threshold = ${t.lowCash}
    FROM (SELECT id, low_float_threshold, low_cash_threshold FROM agents
          WHERE id = ${agentId}::uuid FOR UPDATE) old
    WHERE a.id = old.id
    RETURNING old.low_float_threshold AS "lowFloat", old.low_cash_threshold AS "lowCash"`;
  return rows[0] ?? null;
}

/**
 * The float at the start of today's trade and when it started: the first float posting of
 * the platform's calendar day (Africa/Nairobi, the clock every screen shows), for the
 * projection. Null when nothing moved today.
 */
export async function floatTradeToday(
  db: Tx,
  accountId: bigint,
): Promise<{ since: Date; balanceThen: bigint } | null> {
  const rows = await db.$queryRaw<{ since: Date; balanceThen: bigint }[]>`
    SELECT e.created_at AS since, p.balance_after - p.amount AS "balanceThen"
    FROM postings p JOIN journal_entries e ON e.id = p.entry_id
    WHERE p.account_id = ${accountId}
      AND e.created_at >= (date_trunc('day', now() AT TIME ZONE 'Africa/Nairobi') AT TIME ZONE 'Africa/Nairobi')
    ORDER BY p.id ASC LIMIT 1`;
  return rows[0] ?? null;
}

/** The database's clock and the end of the platform's calendar day (Africa/Nairobi). */
export async function endOfToday(db: Tx): Promise<{ now: Date; endOfDay: Date }> {
  const rows = await db.$queryRaw<{ now: Date; endOfDay: Date }[]>`
    SELECT now() AS now,
           (date_trunc('day', now() AT TIME ZONE 'Africa/Nairobi') + interval '1 day')
             AT TIME ZONE 'Africa/Nairobi' AS "endOfDay"`;
  return rows[0]!;
}

/** Each shop's open day, for the operators' list: opening count and the sums since. */
export function openDaysOf(db: Tx, agentIds: string[]) {
  return db.$queryRaw<
    {
      agentId: string;
      id: string;
      currency: string;
      openedAt: Date;
      openingCount: bigint;
      cashIn: bigint;
      cashOut: bigint;
      moves: bigint;
    }[]
  >`
    SELECT d.agent_id::text AS "agentId", d.id::text, d.currency, d.opened_at AS "openedAt",
           d.opening_count AS "openingCount",
           coalesce(sum(o.amount) FILTER (WHERE o.type = 'CASH_IN'), 0)::bigint AS "cashIn",
           coalesce(sum(o.amount) FILTER (WHERE o.type = 'CASH_OUT'), 0)::bigint AS "cashOut",
           coalesce((SELECT sum(m.amount) FROM cash_drawer_moves m WHERE m.day_id = d.id), 0)::bigint AS moves
    FROM cash_drawer_days d
    JOIN agents ag ON ag.id = d.agent_id
    LEFT JOIN accounts f ON f.user_id = ag.user_id AND f.kind = 'FLOAT' AND f.currency = d.currency
    LEFT JOIN postings p ON p.account_id = f.id AND p.id > d.float_posting_from
    LEFT JOIN journal_entries e ON e.id = p.entry_id
    LEFT JOIN orders o ON o.id = e.order_id AND e.kind = o.type::text
    WHERE d.agent_id = ANY(${agentIds}::uuid[]) AND d.closed_at IS NULL
    GROUP BY d.id`;
}
