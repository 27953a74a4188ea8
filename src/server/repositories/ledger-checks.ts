import type { Tx } from "../db/transaction";

/** Sum of balances per currency and account kind; each currency's total must be zero. */
export function trialBalanceRows(db: Tx) {
  return db.$queryRaw<
    { currency: string; kind: string; accounts: bigint; balance: bigint; on_hold: bigint }[]
  >`
    SELECT currency, kind::text, count(*) AS accounts, sum(balance)::bigint AS balance, sum(on_hold)::bigint AS on_hold
    FROM accounts GROUP BY currency, kind ORDER BY currency, kind`;
}

/** Accounts whose cached balance differs from the sum of their postings (none expected). */
export function reconciliationDifferences(db: Tx) {
  return db.$queryRaw<
    { account_id: bigint; kind: string; cached: bigint; from_postings: bigint }[]
  >`
    SELECT a.id AS account_id, a.kind::text, a.balance AS cached, coalesce(p.total, 0)::bigint AS from_postings
    FROM accounts a
    LEFT JOIN (SELECT account_id, sum(amount) AS total FROM postings GROUP BY account_id) p ON p.account_id = a.id
    WHERE a.balance <> coalesce(p.total, 0)
    ORDER BY a.id`;
}

export async function accountCount(db: Tx): Promise<number> {
  return db.account.count();
}
