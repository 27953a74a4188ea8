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

/**
 * What a restored copy must reproduce exactly (docs/operations.md, "Backups and restore"):
 * the journal's size and last id, and an md5 over every posting in id order. Two databases
 * with the same fingerprint hold the same postings; a missing or extra posting, or one
 * amount changed, gives another hash. It reads the whole postings table: a verification
 * tool for restores and drills, not for a request path.
 */
export async function ledgerFingerprintRow(db: Tx) {
  const rows = await db.$queryRaw<
    {
      entries: bigint;
      last_entry_id: bigint | null;
      postings: bigint;
      last_posting_id: bigint | null;
      postings_md5: string;
    }[]
  >`
    SELECT e.entries, e.last_entry_id, p.postings, p.last_posting_id, p.postings_md5
    FROM (SELECT count(*) AS entries, max(id) AS last_entry_id FROM journal_entries) e,
         (SELECT count(*) AS postings, max(id) AS last_posting_id,
                 md5(coalesce(string_agg(concat_ws(':', id, entry_id, account_id, amount, currency, balance_after), ',' ORDER BY id), '')) AS postings_md5
          FROM postings) p`;
  return rows[0]!;
}
