import pg from "pg";
import { migrate } from "../../src/server/db/migrate";

// Integration tests get their own fresh database on whatever server DATABASE_URL points at
// (the embedded one by default, see scripts/with-db.ts), dropped and recreated each run.
export default async function setup({
  provide,
}: {
  provide: (key: string, value: string) => void;
}) {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("DATABASE_URL is not set: run through `npm run test:integration`");
  const url = new URL(base);
  const name = `${url.pathname.slice(1)}_it`;
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  await migrate(url.toString());
  provide("databaseUrl", url.toString());
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
