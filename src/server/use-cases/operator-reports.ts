import { DomainError } from "@/domain/errors";
import { inReadTransaction, inTransaction } from "../db/transaction";
import {
  dailyVolume,
  moneyPositions,
  ordersByStatus,
  orderWindowStats,
} from "../repositories/order-stats";
import { currentSettings } from "../repositories/settings";
import { accountInfo, journalPage, statementLines } from "../repositories/statements";

const DAY_MS = 24 * 60 * 60 * 1000;

function window(rows: Awaited<ReturnType<typeof orderWindowStats>>) {
  const byType = rows.map((r) => ({
    type: r.type,
    orders: Number(r.orders),
    completed: Number(r.completed),
    volume: r.volume,
    fees: r.fees,
    medianScanToCompleteSeconds: r.median_seconds,
  }));
  const orders = byType.reduce((s, r) => s + r.orders, 0);
  const completed = byType.reduce((s, r) => s + r.completed, 0);
  return { byType, orders, completed, completionRate: orders === 0 ? null : completed / orders };
}

/** The operator's overview: today and the last 7 days, money positions, chart series. */
export async function operatorOverview(now = new Date()) {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const weekAgo = new Date(today.getTime() - 6 * DAY_MS);
  // Aggregates over today and the week: a standby's lag (well under a second measured,
  // docs/operations.md) is invisible here, so it may read from DATABASE_READ_URL.
  return inReadTransaction(async (tx) => {
    // Volumes are in the platform's operating currency; positions list every currency.
    const { currency } = (await currentSettings(tx)).settings;
    const [todayRows, weekRows, daily, statuses, positions] = [
      await orderWindowStats(tx, today, currency),
      await orderWindowStats(tx, weekAgo, currency),
      await dailyVolume(tx, weekAgo, currency),
      await ordersByStatus(tx, weekAgo),
      await moneyPositions(tx),
    ];
    const days = Array.from({ length: 7 }, (_, i) => new Date(weekAgo.getTime() + i * DAY_MS));
    return {
      currency,
      today: window(todayRows),
      week: window(weekRows),
      dailyVolume: days.map((day) => {
        const of = (type: string) =>
          daily.find((d) => d.day.getTime() === day.getTime() && d.type === type);
        return {
          day,
          cashIn: of("CASH_IN")?.volume ?? 0n,
          cashOut: of("CASH_OUT")?.volume ?? 0n,
        };
      }),
      ordersByStatus: statuses.map((s) => ({ status: s.status, orders: Number(s.orders) })),
      positions: [...new Set(positions.map((p) => p.currency))].map((currency) => {
        const of = (kind: string) =>
          positions.find((p) => p.currency === currency && p.kind === kind)?.balance ?? 0n;
        return {
          currency,
          eMoneyOutstanding: of("WALLET"),
          floatHeld: of("FLOAT"),
          commissionOwed: of("COMMISSION"),
          feesEarned: of("FEE_REVENUE"),
        };
      }),
    };
  });
}

/** An account's statement page: running balances come from each posting's balance_after. */
export async function accountStatement(input: {
  accountId: bigint;
  limit: number;
  beforeId?: bigint | undefined;
}) {
  return inTransaction(async (tx) => {
    const account = await accountInfo(tx, input.accountId);
    if (!account) throw new DomainError("NOT_FOUND", "noSuchAccount");
    const lines = await statementLines(tx, input.accountId, {
      limit: input.limit,
      beforeId: input.beforeId,
    });
    return {
      account: {
        id: account.id,
        kind: account.kind,
        currency: account.currency,
        balance: account.balance,
        onHold: account.onHold,
        owner: account.user ? (account.user.agent?.shopName ?? account.user.name) : "ProxyPay",
        ownerPhone: account.user?.phone ?? null,
      },
      lines: lines.map((l) => ({
        postingId: l.id,
        entryId: l.entry_id,
        kind: l.kind,
        description: l.description,
        orderId: l.order_id,
        orderReference: l.order_reference,
        externalRef: l.external_ref,
        amount: l.amount,
        balanceAfter: l.balance_after,
        at: l.created_at,
      })),
    };
  });
}

export async function journal(input: { limit: number; beforeId?: bigint | undefined }) {
  const entries = await inTransaction((tx) => journalPage(tx, input.limit, input.beforeId));
  return entries.map((e) => ({
    id: e.id,
    kind: e.kind,
    description: e.description,
    orderId: e.orderId,
    orderReference: e.order?.reference ?? null,
    externalRef: e.externalRef,
    at: e.createdAt,
    postings: e.postings.map((p) => ({
      accountId: p.accountId,
      accountKind: p.account.kind,
      currency: p.account.currency,
      amount: p.amount,
      balanceAfter: p.balanceAfter,
    })),
  }));
}
