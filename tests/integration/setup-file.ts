import { afterAll, expect, inject } from "vitest";

// The app's code connects as the least-privilege login (see global-setup.ts); tests that
// need the owner (migrations, proving what the app may not do) use MIGRATION_DATABASE_URL.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.MIGRATION_DATABASE_URL = inject("ownerDatabaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789abcdef";

const { inTransaction } = await import("../../src/server/db/transaction");
const { findInvariantViolations } = await import("../../src/server/repositories/invariants");
const { disconnectDb } = await import("../../src/server/db/client");

// The ledger invariants must hold after every test file, whatever the file did.
afterAll(async () => {
  const violations = await inTransaction((tx) => findInvariantViolations(tx));
  expect(violations).toEqual([]);
  await disconnectDb();
});
