import { GENESIS, headDay, UNSEALED_GRACE_MINUTES } from "@/domain/audit-chain";
import { inTransaction } from "../db/transaction";
import { chainHead, publishedHeads, unsealedBefore } from "../repositories/audit-chain";

const RECENT_HEADS = 14;

/** The operator dashboard's view: the chain's length and head, today's and recent heads. */
export async function auditChainOverview(now: Date = new Date()) {
  const [recent, tip, unsealed] = await inTransaction(
    async (tx) =>
      [
        await publishedHeads(tx, { limit: RECENT_HEADS, newestFirst: true }),
        (await chainHead(tx)) ?? GENESIS,
        await unsealedBefore(tx, new Date(now.getTime() - UNSEALED_GRACE_MINUTES * 60_000)),
      ] as const,
  );
  const today = headDay(now);
  return {
    today,
    todayHead: recent.find((h) => h.day === today) ?? null,
    heads: recent,
    links: tip.seq,
    headHash: tip.hash,
    unsealedCount: unsealed.count,
    graceMinutes: UNSEALED_GRACE_MINUTES,
  };
}
