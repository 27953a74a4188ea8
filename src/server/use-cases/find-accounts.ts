import type { AccountKind } from "@/generated/prisma/enums";
import { inTransaction } from "../db/transaction";

/** Accounts to open a statement for: by kind and/or owner phone, bounded. */
export async function findAccounts(input: {
  kind?: AccountKind | undefined;
  ownerPhone?: string | undefined;
  limit: number;
}) {
  const rows = await inTransaction((tx) =>
    tx.account.findMany({
      where: {
        ...(input.kind ? { kind: input.kind } : {}),
        ...(input.ownerPhone ? { user: { phone: input.ownerPhone } } : {}),
      },
      orderBy: { id: "asc" },
      take: input.limit,
      select: {
        id: true,
        kind: true,
        currency: true,
        balance: true,
        onHold: true,
        shard: true,
        user: { select: { name: true, phone: true, agent: { select: { shopName: true } } } },
      },
    }),
  );
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
