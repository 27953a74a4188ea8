import { type ChainHead, GENESIS, headDay, linksFor } from "@/domain/audit-chain";
import { inTransaction } from "../db/transaction";
import {
  chainHead,
  insertLinks,
  lockChainSealing,
  publishHead,
  unsealedRows,
} from "../repositories/audit-chain";

// Rows chained per transaction: short transactions, so a backlog (a first seal of a large
// database) never holds the lock, or a Prisma transaction, for long.
const SEAL_BATCH = 2_000;

/**
 * Appends every committed, not yet sealed order event and audit row to the audit chain,
 * oldest first, and publishes the day's head if the day has none (docs/decisions.md, "Audit
 * chain"). One sealer at a time (an advisory lock); a second waits and then finds nothing
 * left, so concurrent calls never fork the chain nor chain a row twice. Run by the app's job
 * (src/server/jobs/audit-chain-sealer.ts) and by `npm run audit:verify -- --seal`.
 */
export async function sealAuditChain(
  now: () => Date = () => new Date(),
): Promise<{ sealed: number; head: ChainHead }> {
  let sealed = 0;
  for (;;) {
    const batch = await inTransaction(async (tx) => {
      await lockChainSealing(tx);
      const head = (await chainHead(tx)) ?? GENESIS;
      const rows = await unsealedRows(tx, SEAL_BATCH);
      const links = linksFor(head, rows);
      await insertLinks(tx, links);
      const last = links.at(-1) ?? head;
      const caughtUp = rows.length < SEAL_BATCH;
      // The day's first seal that has caught up publishes; later ones find the day taken.
      if (caughtUp) await publishHead(tx, headDay(now()), { seq: last.seq, hash: last.hash });
      return { count: rows.length, head: { seq: last.seq, hash: last.hash }, caughtUp };
    });
    sealed += batch.count;
    if (batch.caughtUp) return { sealed, head: batch.head };
  }
}
