import { afterAll, expect, inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789abcdef";

const { inTransaction } = await import("../../src/server/db/transaction");
const { findInvariantViolations } = await import("../../src/server/repositories/invariants");
const { seedPlatform } = await import("../../src/server/db/seed");
const { disconnectDb } = await import("../../src/server/db/client");

await inTransaction((tx) => seedPlatform(tx));

// The ledger invariants must hold after every test file, whatever the file did.
afterAll(async () => {
  const violations = await inTransaction((tx) => findInvariantViolations(tx));
  expect(violations).toEqual([]);
  await disconnectDb();
});
