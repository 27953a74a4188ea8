// Checks the books of one database, for a restored copy (docs/operations.md, "Backups and
// restore"): the trial balance per currency, the journal's fingerprint (entries, postings,
// md5 of every posting in id order) and the ledger's invariants, through the same functions
// the operator console and the tests use.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5433/proxypay npx tsx scripts/backup/verify-ledger.ts
//
// Exits 1 when a currency does not sum to zero or an invariant is broken. Run it on the
// primary at a restore point and on the copy: the two fingerprints must be equal.
import { disconnectDb } from "../../src/server/db/client";
import { inTransaction } from "../../src/server/db/transaction";
import { findInvariantViolations } from "../../src/server/repositories/invariants";
import { ledgerFingerprint, trialBalance } from "../../src/server/use-cases/ledger-checks";

const json = (value: unknown) =>
  JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v), 2);

async function main(): Promise<number> {
  if (!process.env.DATABASE_URL) {
    console.error("verify-ledger: set DATABASE_URL to the database to check");
    return 2;
  }
  const balance = await trialBalance();
  const fingerprint = await ledgerFingerprint();
  const violations = await inTransaction((tx) => findInvariantViolations(tx));
  console.log(`trial balance: ${json(balance)}`);
  console.log(`fingerprint: ${json(fingerprint)}`);
  const unbalanced = balance.filter((b) => !b.balanced).map((b) => b.currency);
  if (unbalanced.length > 0) console.error(`NOT BALANCED: ${unbalanced.join(", ")}`);
  for (const v of violations) console.error(`invariant broken: ${v.rule}: ${v.detail}`);
  if (unbalanced.length === 0 && violations.length === 0) console.log("books OK");
  return unbalanced.length > 0 || violations.length > 0 ? 1 : 0;
}

main()
  .then(async (code) => {
    await disconnectDb();
    process.exit(code);
  })
  .catch((error: unknown) => {
    console.error("verify-ledger failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  });
