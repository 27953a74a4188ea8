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
 * Locks the shop's float account until commit: an order completing takes this lock in
 * ledger_post, so once a close holds it every completion that came first is committed and
 * visible, and none comes in between the close's sums and its time.
 */
export async function lockFloatAccount(db: Tx, accountId: bigint): Promise<void> {
  await db.$queryRaw`SELECT 1 FROM accounts WHERE id = ${accountId} FOR NO KEY UPDATE`;
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
  d: { id: string; agentId: string; currency: string; openedBy: string; openingCount: bigint },
): Promise<DrawerDayRow> {
  return db.cashDrawerDay.create({ data: d, select: DAY_COLUMNS });
}

/**
 * Closes a day once: the guard (still open) makes a second close change nothing. The close's
 * time is the clock's, read after the locks were taken, so it is later than every order the
 * sums counted. Returns the closed day, or null if it was not open.
 */
export async function closeDayRow(
  db: Tx,
  c: { id: string; closedBy: string; counted: bigint; expected: bigint; variance: bigint },
): Promise<{ closedAt: Date } | null> {
  const rows = await db.$queryRaw<{ closedAt: Date }[]>`
    UPDATE cash_drawer_days SET closed_at = clock_timestamp(), closed_by = ${c.closedBy}::uuid,
      counted = ${c.counted}, expected = ${c.expected}, variance = ${c.variance}
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
 * What the drawer's cash is derived from, for one day: completed cash-ins and cash-outs of the
 * shop in the day's currency since it opened (until `until`, its close), orders later reversed
 * included (a reversal moves no cash across the counter), and the day's moves.
 */
export async function daySums(
  db: Tx,
  day: { id: string; agentId: string; currency: string; openedAt: Date },
  until: Date | null,
): Promise<{ cashIn: bigint; cashOut: bigint; moves: bigint }> {
  const rows = await db.$queryRaw<{ cashIn: bigint; cashOut: bigint; moves: bigint }[]>`
    SELECT
      coalesce(sum(o.amount) FILTER (WHERE o.type = 'CASH_IN'), 0)::bigint AS "cashIn",
      coalesce(sum(o.amount) FILTER (WHERE o.type = 'CASH_OUT'), 0)::bigint AS "cashOut",
      (SELECT coalesce(sum(m.amount), 0)::bigint FROM cash_drawer_moves m
        WHERE m.day_id = ${day.id}::uuid) AS moves
    FROM orders o
    WHERE o.agent_id = ${day.agentId}::uuid AND o.status IN ('COMPLETED', 'REVERSED')
      AND o.currency = ${day.currency}
      AND o.completed_at >= ${day.openedAt}
      AND (${until}::timestamptz IS NULL OR o.completed_at <= ${until}::timestamptz)`;
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
    SELECT e.kind AS "entryKind", e.created_at AS at, e.order_id::text AS "orderId",
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

/** Completed orders of the shop since `since` with their completion time (the logbook's cash). */
export function completedOrdersSince(db: Tx, agentId: string, since: Date, limit: number) {
  return db.$queryRaw<
    {
      id: string;
      reference: string;
      type: "CASH_IN" | "CASH_OUT";
      amount: bigint;
      currency: string;
      completedAt: Date;
    }[]
  >`
    SELECT id::text, reference, type::text AS type, amount, currency, completed_at AS "completedAt"
    FROM orders
    WHERE agent_id = ${agentId}::uuid AND status IN ('COMPLETED', 'REVERSED')
      AND completed_at >= ${since}
    ORDER BY completed_at ASC, id ASC
    LIMIT ${limit}`;
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
           coalesce((SELECT sum(o.amount) FROM orders o WHERE o.agent_id = d.agent_id
              AND o.type = 'CASH_IN' AND o.status IN ('COMPLETED', 'REVERSED')
              AND o.currency = d.currency AND o.completed_at >= d.opened_at), 0)::bigint AS "cashIn",
           coalesce((SELECT sum(o.amount) FROM orders o WHERE o.agent_id = d.agent_id
              AND o.type = 'CASH_OUT' AND o.status IN ('COMPLETED', 'REVERSED')
              AND o.currency = d.currency AND o.completed_at >= d.opened_at), 0)::bigint AS "cashOut",
           coalesce((SELECT sum(m.amount) FROM cash_drawer_moves m WHERE m.day_id = d.id), 0)::bigint AS moves
    FROM cash_drawer_days d
    WHERE d.agent_id = ANY(${agentIds}::uuid[]) AND d.closed_at IS NULL`;
}
