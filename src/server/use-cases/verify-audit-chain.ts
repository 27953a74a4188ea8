import {
  type ChainBreak,
  type ChainedTable,
  type ChainHead,
  checkHeads,
  UNSEALED_GRACE_MINUTES,
  WALK_START,
  type Walk,
  walkLinks,
} from "@/domain/audit-chain";
import { inTransaction } from "../db/transaction";
import { linksAfter, publishedHeads, unsealedBefore } from "../repositories/audit-chain";

const PAGE = 1_000;

export interface ChainReport {
  /** The last link whose place in the chain checks out (genesis when the chain is empty). */
  head: ChainHead;
  /**
   * What is wrong, the first of each kind: a row that no longer matches its link, a link that
   * does not follow the one before (the walk stops there), a published head the chain does
   * not bear out. Empty: intact.
   */
  breaks: ChainBreak[];
  /** How many sealed rows were changed or deleted (the first is in `breaks`). */
  rowBreaks: number;
  /** Rows older than the grace period that the sealer has not chained: it is not running. */
  unsealed: { count: number; oldest: { table: ChainedTable; id: bigint; at: Date } | null };
}

/**
 * Walks the audit chain from its first link: recomputes each row's hash from the row as it
 * is now, checks each link follows the one before, then that every published head names a
 * link as it is. Read-only: it seals nothing (sealAuditChain does). Links sealed while it
 * walks are walked too; heads published after it started are checked next time.
 */
export async function verifyAuditChain(
  now: Date = new Date(),
  graceMinutes: number = UNSEALED_GRACE_MINUTES,
): Promise<ChainReport> {
  const heads = await inTransaction((tx) => publishedHeads(tx, { newestFirst: false }));
  const wanted = new Set(heads.map((h) => h.seq));
  const hashes = new Map<bigint, string>();
  let walk: Walk = WALK_START;
  for (;;) {
    const page = await inTransaction((tx) => linksAfter(tx, walk.head.seq, PAGE));
    walk = walkLinks(walk, page);
    for (const { link } of page) {
      if (link.seq > walk.head.seq) break;
      if (wanted.has(link.seq)) hashes.set(link.seq, link.hash);
    }
    if (walk.linkBreak || page.length < PAGE) break;
  }
  // Past a broken link nothing was walked: only the heads before it can be checked.
  const reached = heads.filter((h) => !walk.linkBreak || h.seq <= walk.head.seq);
  const headBreak = checkHeads(reached, (seq) => hashes.get(seq));
  const unsealed = await inTransaction((tx) =>
    unsealedBefore(tx, new Date(now.getTime() - graceMinutes * 60_000)),
  );
  return {
    head: walk.head,
    breaks: [walk.rowBreak, walk.linkBreak, headBreak].filter((b) => b !== null),
    rowBreaks: walk.rowBreaks,
    unsealed,
  };
}
