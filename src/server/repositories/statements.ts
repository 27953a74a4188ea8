import type { Tx } from "../db/transaction";
import { ACCOUNT_FIELDS } from "./accounts";

export interface StatementLine {
  id: bigint;
  entry_id: bigint;
  kind: string;
  description: string;
  order_id: string | null;
  /** The order's reference (PP-...), what a customer or agent quotes on the phone. */
  order_reference: string | null;
  external_ref: string | null;
  amount: bigint;
  balance_after: bigint;
  created_at: Date;
}

/**
 * One account's postings with their running balance, keyset by posting id: newest first
 * before an id (screens), or oldest first after an id (exports, read in batches).
 */
export function statementLines(
  db: Tx,
  accountId: bigint,
  page: { limit: number } & ({ beforeId?: bigint | undefined } | { afterId: bigint }),
) {
  const ascending = "afterId" in page;
  const bound = ascending ? page.afterId : (page.beforeId ?? null);
  return db.$queryRaw<StatementLine[]>`
    SELECT p.id, p.entry_id, e.kind, e.description, e.order_id::text, o.reference AS order_reference,
           e.external_ref, p.amount, p.balance_after, e.created_at
    FROM postings p JOIN journal_entries e ON e.id = p.entry_id
    LEFT JOIN orders o ON o.id = e.order_id
    WHERE p.account_id = ${accountId}
      AND (${bound}::bigint IS NULL OR (${ascending} AND p.id > ${bound}::bigint) OR (NOT ${ascending} AND p.id < ${bound}::bigint))
    ORDER BY (CASE WHEN ${ascending} THEN p.id END) ASC, (CASE WHEN NOT ${ascending} THEN p.id END) DESC
    LIMIT ${page.limit}`;
}

export function accountInfo(db: Tx, accountId: bigint) {
  return db.account.findUnique({
    where: { id: accountId },
    select: {
      ...ACCOUNT_FIELDS,
      user: { select: { name: true, phone: true, agent: { select: { shopName: true } } } },
    },
  });
}

/** Journal entries, newest first, keyset by id, each with its postings. */
export function journalPage(db: Tx, limit: number, beforeId?: bigint) {
  return db.journalEntry.findMany({
    where: beforeId ? { id: { lt: beforeId } } : {},
    orderBy: { id: "desc" },
    take: limit,
    include: {
      order: { select: { reference: true } },
      postings: {
        orderBy: { id: "asc" },
        include: { account: { select: { kind: true, currency: true } } },
      },
    },
  });
}
