import type { AccountKind } from "@/generated/prisma/enums";
import { inTransaction } from "../db/transaction";
import { accountsPage } from "../repositories/accounts";

/** Accounts to open a statement for: by kind and/or owner phone, bounded. */
export async function findAccounts(input: {
  kind?: AccountKind | undefined;
  ownerPhone?: string | undefined;
  limit: number;
}) {
  const rows = await inTransaction((tx) => accountsPage(tx, input));
  return rows.map((a) => ({
    id: a.id,
    kind: a.kind,
    currency: a.currency,
    balance: a.balance,
    onHold: a.onHold,
    owner: a.user
      ? (a.user.agent?.shopName ?? a.user.name)
      : // Fee revenue and commission expense are kept in 8 parts (docs/decisions.md).
        a.kind === "FEE_REVENUE" || a.kind === "COMMISSION_EXPENSE"
        ? `ProxyPay, part ${a.shard + 1} of 8`
        : "ProxyPay",
    ownerPhone: a.user?.phone ?? null,
  }));
}
