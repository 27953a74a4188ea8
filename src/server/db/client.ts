import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { serverEnv } from "../config/env";

// One pool and one Prisma client per process, created on first use: `next build` imports
// route modules with no DATABASE_URL, so nothing may connect at module load. Prisma and the
// money path's plain statements (src/server/db/sql.ts) share the pool's connections.
const globalForDb = globalThis as unknown as {
  proxypayPool?: pg.Pool;
  proxypayPrisma?: PrismaClient;
};

export function databaseUrl(): string {
  const url = serverEnv().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (start the app through npm start)");
  return url;
}

export function getPool(): pg.Pool {
  if (!globalForDb.proxypayPool) {
    globalForDb.proxypayPool = new pg.Pool({
      connectionString: databaseUrl(),
      max: serverEnv().DB_POOL_SIZE,
    });
  }
  return globalForDb.proxypayPool;
}

export function getDb(): PrismaClient {
  if (!globalForDb.proxypayPrisma) {
    globalForDb.proxypayPrisma = new PrismaClient({ adapter: new PrismaPg(getPool()) });
  }
  return globalForDb.proxypayPrisma;
}

export async function disconnectDb(): Promise<void> {
  const { proxypayPrisma, proxypayPool } = globalForDb;
  globalForDb.proxypayPrisma = undefined;
  globalForDb.proxypayPool = undefined;
  await proxypayPrisma?.$disconnect();
  await proxypayPool?.end();
}
