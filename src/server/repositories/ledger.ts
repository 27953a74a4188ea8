import type { Posting } from "@/domain/postings";
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "../db/transaction";

export type PostResult = { entryId: bigint } | { shortAccountId: bigint };

/** One money movement, one SQL call: see ledger_post (last redefined in fast_money_path). */
export async function postEntry(
  db: Tx,
  entry: {
    kind: string;
    orderId: string | null;
    description: string;
    postings: readonly Posting[];
    captureHold?: boolean;
    /** The bank's reference of an operator movement; unique per kind. */
    externalRef?: string;
    createdBy?: string;
  },
): Promise<PostResult> {
  const accounts = entry.postings.map((p) => p.accountId);
  const amounts = entry.postings.map((p) => p.amount);
  const rows = await db.$queryRaw<{ entry_id: bigint | null; short_account_id: bigint | null }[]>`
    SELECT entry_id, short_account_id FROM ledger_post(
      ${entry.kind}, ${entry.orderId}::uuid, ${entry.description},
      ${accounts}::bigint[], ${amounts}::bigint[], ${entry.captureHold ?? false},
      ${entry.externalRef ?? null}, ${entry.createdBy ?? null}::uuid)`;
  const row = rows[0];
  if (row?.entry_id != null) return { entryId: row.entry_id };
  if (row?.short_account_id != null) return { shortAccountId: row.short_account_id };
  throw new Error("ledger_post returned nothing");
}

async function release(db: Tx, owner: Prisma.Sql): Promise<void> {
  await db.$executeRaw`
    WITH released AS (
      UPDATE holds SET status = 'RELEASED', resolved_at = now()
      WHERE ${owner} AND status = 'ACTIVE'
      RETURNING account_id, amount
    )
    UPDATE accounts a SET on_hold = a.on_hold - r.amount FROM released r WHERE a.id = r.account_id`;
}

/**
 * Holds the disputed amount on the accused side's account (a shop's float, or a customer's
 * wallet for a shop's dispute) while operators decide, or as much of it as is still
 * available: the value in dispute must not leave the account meanwhile. One statement
 * under the account's row lock; returns what was held (0 when nothing was left).
 */
export async function holdForDispute(
  db: Tx,
  hold: { accountId: bigint; disputeId: string; amount: bigint },
): Promise<bigint> {
  const rows = await db.$queryRaw<{ amount: bigint }[]>`
    WITH acc AS (
      SELECT id, least(balance - on_hold, ${hold.amount}) AS take FROM accounts
      WHERE id = ${hold.accountId} FOR UPDATE
    ), reserved AS (
      UPDATE accounts a SET on_hold = a.on_hold + acc.take FROM acc
      WHERE a.id = acc.id AND acc.take > 0
      RETURNING a.id, acc.take
    )
    INSERT INTO holds (account_id, dispute_id, amount)
    SELECT id, ${hold.disputeId}::uuid, take FROM reserved
    RETURNING amount`;
  return rows[0]?.amount ?? 0n;
}

/** Gives a dispute's hold back to the account's available balance (decided either way). */
export function releaseDisputeHold(db: Tx, disputeId: string): Promise<void> {
  return release(db, Prisma.sql`dispute_id = ${disputeId}::uuid`);
}
