import pg from "pg";
import { dropDatabase, ensureDatabase, migrate } from "../../src/server/db/migrate";

/** The login the tests' app code connects as: a member of proxypay_app, as in production. */
export const TEST_APP_LOGIN = "proxypay_it_app";

// Integration tests get their own fresh database on whatever server DATABASE_URL points at
// (the embedded one by default, see scripts/with-db.ts), dropped and recreated each run.
// DATABASE_URL's role migrates it (the owner, as MIGRATION_DATABASE_URL in production); the
// code under test then connects as a least-privilege login, so a grant the app needs but the
// migration forgot fails here rather than in production.
export default async function setup({
  provide,
}: {
  provide: (key: string, value: string) => void;
}) {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("DATABASE_URL is not set: run through `npm run test:integration`");
  const owner = new URL(base);
  owner.pathname = `${owner.pathname}_it`;
  await dropDatabase(owner.toString());
  await ensureDatabase(owner.toString());
  await migrate(owner.toString());
  const app = new URL(owner);
  app.username = TEST_APP_LOGIN;
  app.password = TEST_APP_LOGIN;
  await ensureAppLogin(owner.toString());
  provide("databaseUrl", app.toString());
  provide("ownerDatabaseUrl", owner.toString());
}

/** Roles belong to the server: create the test login once, and keep it a plain member. */
async function ensureAppLogin(ownerUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(`DO $$
      BEGIN
        CREATE ROLE ${TEST_APP_LOGIN} LOGIN PASSWORD '${TEST_APP_LOGIN}';
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL; -- another run on this server made it
      END $$`);
    await client.query(`GRANT proxypay_app TO ${TEST_APP_LOGIN}`);
  } finally {
    await client.end();
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    ownerDatabaseUrl: string;
  }
}
