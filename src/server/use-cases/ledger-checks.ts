import { inTransaction } from "../db/transaction";
import {
  accountCount,
  ledgerFingerprintRow,
  reconciliationDifferences,
  trialBalanceRows,
} from "../repositories/ledger-checks";

/** Per currency: the balance of each kind of account and the total, which must be zero. */
export async function trialBalance() {
  const rows = await inTransaction((tx) => trialBalanceRows(tx));
  const currencies = [...new Set(rows.map((r) => r.currency))];
  return currencies.map((currency) => {
    const lines = rows
      .filter((r) => r.currency === currency)
      .map((r) => ({
        kind: r.kind,
        accounts: Number(r.accounts),
        balance: r.balance,
        onHold: r.on_hold,
      }));
    const total = lines.reduce((sum, l) => sum + l.balance, 0n);
    return { currency, lines, total, balanced: total === 0n };
  });
}

/** Recomputes every cached balance from its postings and lists the differences. */
export async function reconcile() {
  return inTransaction(async (tx) => {
    const differences = await reconciliationDifferences(tx);
    return {
      checkedAccounts: await accountCount(tx),
      differences: differences.map((d) => ({
        accountId: d.account_id,
        kind: d.kind,
        cached: d.cached,
        fromPostings: d.from_postings,
      })),
      checkedAt: new Date(),
    };
  });
}

/** The journal's size and a hash of every posting: equal on a faithful copy of the books. */
export async function ledgerFingerprint() {
  const row = await inTransaction((tx) => ledgerFingerprintRow(tx));
  return {
    journalEntries: Number(row.entries),
    lastEntryId: row.last_entry_id,
    postings: Number(row.postings),
    lastPostingId: row.last_posting_id,
    postingsMd5: row.postings_md5,
  };
}
