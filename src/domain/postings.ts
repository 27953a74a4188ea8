import type { OrderType } from "./pricing";

/**
 * Every kind of account, in the order the ledger reads: customers' and agents' first, then
 * the platform's own. The database's AccountKind enum has the same members.
 */
export const ACCOUNT_KINDS = [
  "WALLET",
  "FLOAT",
  "COMMISSION",
  "SETTLEMENT",
  "FEE_REVENUE",
  "COMMISSION_EXPENSE",
] as const;

export interface OrderAccounts {
  wallet: bigint;
  float: bigint;
  commission: bigint;
  feeRevenue: bigint;
  commissionExpense: bigint;
}

export interface Posting {
  accountId: bigint;
  /** Signed minor units: negative debits the account's balance, positive credits it. */
  amount: bigint;
}

/**
 * The single journal entry that executes an order. Sums to zero by construction; zero
 * postings (a zero fee, say) are left out because a posting of nothing carries no meaning.
 */
export function executionPostings(
  type: OrderType,
  amounts: { amount: bigint; fee: bigint; commission: bigint },
  accounts: OrderAccounts,
): Posting[] {
  const { amount, fee, commission } = amounts;
  const postings: Posting[] =
    type === "CASH_IN"
      ? [
          { accountId: accounts.float, amount: -amount },
          { accountId: accounts.wallet, amount: amount - fee },
          { accountId: accounts.feeRevenue, amount: fee },
          { accountId: accounts.commissionExpense, amount: -commission },
          { accountId: accounts.commission, amount: commission },
        ]
      : [
          { accountId: accounts.wallet, amount: -(amount + fee) },
          { accountId: accounts.float, amount },
          { accountId: accounts.feeRevenue, amount: fee - commission },
          { accountId: accounts.commission, amount: commission },
        ];
  return postings.filter((p) => p.amount !== 0n);
}

export function sumPostings(postings: readonly Posting[]): bigint {
  return postings.reduce((total, p) => total + p.amount, 0n);
}
