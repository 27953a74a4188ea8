// Walks the audit chain and says whether order events, audit rows, links and published
// daily heads are as they were sealed (docs/decisions.md, "Audit chain"; what to do when it
// fails: docs/operations.md, "The audit chain"). Connects with DATABASE_URL; reading is
// enough, so an auditor's read-only login will do.
//
//   npm run audit:verify                       read-only: walk and report
//   npm run audit:verify -- --seal             seal committed rows first (needs INSERT)
//   npm run audit:verify -- --grace-minutes 30 how old an unsealed row may be
//
// Exit 0: chain intact. 1: the first broken link, named. 2: could not run.
// 3: intact, but rows older than the grace period are not sealed (the sealer is not running).
import { describeBreak, UNSEALED_GRACE_MINUTES } from "../src/domain/audit-chain";
import { disconnectDb } from "../src/server/db/client";
import { sealAuditChain } from "../src/server/use-cases/seal-audit-chain";
import { verifyAuditChain } from "../src/server/use-cases/verify-audit-chain";

function graceMinutes(args: string[]): number {
  const at = args.indexOf("--grace-minutes");
  if (at === -1) return UNSEALED_GRACE_MINUTES;
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value < 0)
    throw new Error("--grace-minutes takes a whole number");
  return value;
}

async function main(args: string[]): Promise<number> {
  if (!process.env.DATABASE_URL) {
    console.error("DATABASE_URL is not set: point it at the database to check");
    return 2;
  }
  const grace = graceMinutes(args);
  try {
    if (args.includes("--seal")) {
      const { sealed } = await sealAuditChain();
      console.log(`sealed ${sealed} rows`);
    }
    const report = await verifyAuditChain(new Date(), grace);
    if (report.breaks.length > 0) {
      console.error(`chain BROKEN (${report.rowBreaks} sealed rows changed or deleted)`);
      for (const b of report.breaks) console.error(describeBreak(b));
      return 1;
    }
    console.log(`chain intact: ${report.head.seq} links, head ${report.head.hash}`);
    const { count, oldest } = report.unsealed;
    if (count > 0 && oldest) {
      console.error(
        `${count} rows older than ${grace} minutes are not sealed, the oldest ${oldest.table} id ${oldest.id} (${oldest.at.toISOString()}): is the sealer running?`,
      );
      return 3;
    }
    return 0;
  } finally {
    await disconnectDb();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("audit:verify failed:", error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
