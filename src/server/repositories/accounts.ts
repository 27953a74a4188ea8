import type { OrderAccounts } from "@/domain/postings";
import type { AccountKind } from "@/generated/prisma/enums";
import type { Tx } from "../db/transaction";

/** What every ledger screen shows of an account: which, what kind, in what, how much. */
export const ACCOUNT_FIELDS = {
  id: true,
  kind: true,
  currency: true,
  balance: true,
  onHold: true,
} as const;

export interface Balance {
  accountId: bigint;
  kind: AccountKind;
  currency: string;
  balance: bigint;
  onHold: bigint;
}

/** Creates a user's account of a kind if it is missing (sign-up, onboarding, seeding). */
export async function ensureUserAccount(
  db: Tx,
  userId: string,
  kind: "WALLET" | "FLOAT" | "COMMISSION",
  currency: string,
): Promise<bigint> {
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    INSERT INTO accounts (kind, currency, user_id) VALUES (${kind}::"AccountKind", ${currency}, ${userId}::uuid)
    ON CONFLICT (user_id, kind, currency) DO UPDATE SET kind = EXCLUDED.kind
    RETURNING id`;
  return rows[0]!.id;
}

/**
 * The platform's SETTLEMENT account, which may go negative: it mirrors e-money issued against
 * bank cash. (FEE_REVENUE and COMMISSION_EXPENSE come in shards, opened by the bootstrap.)
 */
export async function ensurePlatformAccount(
  db: Tx,
  kind: "SETTLEMENT",
  currency: string,
): Promise<bigint> {
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    INSERT INTO accounts (kind, currency, allow_negative) VALUES (${kind}::"AccountKind", ${currency}, true)
    ON CONFLICT (kind, currency, shard) WHERE user_id IS NULL DO UPDATE SET kind = EXCLUDED.kind
    RETURNING id`;
  return rows[0]!.id;
}

export async function balancesOfUser(db: Tx, userId: string): Promise<Balance[]> {
  const rows = await db.account.findMany({
    where: { userId },
    orderBy: { id: "asc" },
    select: { id: true, kind: true, currency: true, balance: true, onHold: true },
  });
  return rows.map((r) => ({ ...r, accountId: r.id }));
}

/** Every account an order's execution touches, in one round trip. */
export async function accountsForOrder(
  db: Tx,
  orderId: string,
  customerId: string,
  agentUserId: string,
  currency: string,
): Promise<OrderAccounts> {
  const rows = await db.$queryRaw<{ kind: AccountKind; user_id: string | null; id: bigint }[]>`
    SELECT kind, user_id::text, id FROM accounts
    WHERE currency = ${currency}
      AND ((user_id = ${customerId}::uuid AND kind = 'WALLET')
        OR (user_id = ${agentUserId}::uuid AND kind IN ('FLOAT', 'COMMISSION'))
        -- The platform's sub-account this order posts to (fast_money_path migration).
        OR (user_id IS NULL AND kind IN ('FEE_REVENUE', 'COMMISSION_EXPENSE')
            AND shard = order_shard(${orderId}::uuid)))`;
  const find = (kind: AccountKind) => {
    const row = rows.find((r) => r.kind === kind);
    if (!row) throw new Error(`missing ${kind} account in ${currency}`);
    return row.id;
  };
  return {
    wallet: find("WALLET"),
    float: find("FLOAT"),
    commission: find("COMMISSION"),
    feeRevenue: find("FEE_REVENUE"),
    commissionExpense: find("COMMISSION_EXPENSE"),
  };
}

/** Accounts by kind and/or owner phone, oldest first, bounded; with their owner's names. */
export function accountsPage(
  db: Tx,
  q: { kind?: AccountKind | undefined; ownerPhone?: string | undefined; limit: number },
) {
  return db.account.findMany({
    where: {
      ...(q.kind ? { kind: q.kind } : {}),
      ...(q.ownerPhone ? { user: { phone: q.ownerPhone } } : {}),
    },
    orderBy: { id: "asc" },
    take: q.limit,
    select: {
      ...ACCOUNT_FIELDS,
      shard: true,
      user: { select: { name: true, phone: true, agent: { select: { shopName: true } } } },
    },
  });
}

/** Cached balances of the given accounts. */
export function balancesOf(db: Tx, ids: bigint[]) {
  return db.account.findMany({ where: { id: { in: ids } }, select: { id: true, balance: true } });
}
