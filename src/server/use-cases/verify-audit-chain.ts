import {
  type ChainBreak,
  type ChainedTable,
  type ChainHead,
  checkHeads,
  checkLinks,
  GENESIS,
  headDay,
  UNSEALED_GRACE_MINUTES,
} from "@/domain/audit-chain";
import { inTransaction } from "../db/transaction";
import { linksAfter, publishedHeads, unsealedBefore } from "../repositories/audit-chain";

const PAGE = 1_000;

export interface ChainReport {
  /** The last link the walk verified (the genesis head when the chain is empty). */
  head: ChainHead;
  /** The first thing wrong; null when every link, row and published head checks out. */
  broken: ChainBreak | null;
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
  let head: ChainHead = GENESIS;
  let broken: ChainBreak | null = null;
  for (;;) {
    const page = await inTransaction((tx) => linksAfter(tx, head.seq, PAGE));
    const walked = checkLinks(head, page);
    for (const { link } of page) {
      if (link.seq > walked.head.seq) break;
      if (wanted.has(link.seq)) hashes.set(link.seq, link.hash);
    }
    head = walked.head;
    broken = walked.broken;
    if (broken || page.length < PAGE) break;
  }
  broken ??= checkHeads(heads, (seq) => hashes.get(seq));
  const unsealed = await inTransaction((tx) =>
    unsealedBefore(tx, new Date(now.getTime() - graceMinutes * 60_000)),
  );
  return { head, broken, unsealed };
}
