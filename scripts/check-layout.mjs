// The layout rule Biome cannot see (README, Layout): SQL and Prisma model calls live in
// src/server/repositories only. Biome's noRestrictedImports keeps the Prisma client out of
// use cases and routers (biome.json); this keeps them from using a transaction handle they
// were given to query the database themselves. Run by `npm run check`.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOTS = ["src/server/use-cases", "src/server/api", "src/server/auth", "src/server/jobs"];
// A Prisma model call (tx.order.findMany, db.user.update...) or raw SQL.
const FORBIDDEN = [
  /\b\w+\.(?:account|agent|auditLog|configVersion|dispute|hold|idempotencyKey|journalEntry|moneyRequest|operatorInvitation|order|orderEvent|phoneCode|posting|rateLimit|reversal|user)\.(?:find\w*|create\w*|update\w*|upsert|delete\w*|count|aggregate|groupBy)\(/,
  /\$(?:queryRaw|executeRaw)\w*/,
];

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else if (/\.tsx?$/.test(name)) yield full;
  }
}

const problems = [];
for (const root of ROOTS) {
  for (const file of files(root)) {
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (FORBIDDEN.some((re) => re.test(line)))
          problems.push(`${file}:${i + 1}: ${line.trim()}`);
      });
  }
}
if (problems.length > 0) {
  console.error("Database access outside src/server/repositories (README, Layout):");
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
