import { dropDatabase, ensureDatabase, migrate } from "../../src/server/db/migrate";

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
  url.pathname = `${url.pathname}_it`;
  await dropDatabase(url.toString());
  await ensureDatabase(url.toString());
  await migrate(url.toString());
  provide("databaseUrl", url.toString());
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
