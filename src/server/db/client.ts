import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { serverEnv } from "../config/env";
import { clientClassFor, clientFor, parseTargets } from "./targets";

// One pool and one Prisma client per process, created on first use: `next build` imports
// route modules with no DATABASE_URL, so nothing may connect at module load. Prisma and the
// money path's plain statements (src/server/db/sql.ts) share the pool's connections.
// DATABASE_URL may list several hosts with target_session_attrs=read-write (a failover
// formation, docs/operations.md): the pool's clients then find the primary themselves
// (targets.ts). A second, optional pool on DATABASE_READ_URL serves only the operator reports
// that tolerate a replica's lag (inReadTransaction); unset, they use the first pool.
const globalForDb = globalThis as unknown as {
  proxypayPool?: pg.Pool;
  proxypayPrisma?: PrismaClient;
  proxypayReadPool?: pg.Pool;
  proxypayReadPrisma?: PrismaClient;
};

export function databaseUrl(): string {
  const url = serverEnv().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (start the app through npm start)");
  return url;
}

function poolFor(url: string): pg.Pool {
  const targets = parseTargets(url);
  return new pg.Pool({
    connectionString: targets.urls[0],
    Client: clientClassFor(targets),
    max: serverEnv().DB_POOL_SIZE,
  });
}

export function getPool(): pg.Pool {
  globalForDb.proxypayPool ??= poolFor(databaseUrl());
  return globalForDb.proxypayPool;
}

/** A new, unconnected client on the app's database (the primary, with several hosts). */
export function newClient(): pg.Client {
  return clientFor(databaseUrl());
}

export function getDb(): PrismaClient {
  globalForDb.proxypayPrisma ??= new PrismaClient({ adapter: new PrismaPg(getPool()) });
  return globalForDb.proxypayPrisma;
}

/** The Prisma client for reports that may be stale by a replica's lag; the primary's if unset. */
export function getReadDb(): PrismaClient {
  const url = serverEnv().DATABASE_READ_URL;
  if (!url) return getDb();
  globalForDb.proxypayReadPool ??= poolFor(url);
  globalForDb.proxypayReadPrisma ??= new PrismaClient({
    adapter: new PrismaPg(globalForDb.proxypayReadPool),
  });
  return globalForDb.proxypayReadPrisma;
}

export async function disconnectDb(): Promise<void> {
  const { proxypayPrisma, proxypayPool, proxypayReadPrisma, proxypayReadPool } = globalForDb;
  globalForDb.proxypayPrisma = undefined;
  globalForDb.proxypayPool = undefined;
  globalForDb.proxypayReadPrisma = undefined;
  globalForDb.proxypayReadPool = undefined;
  await proxypayPrisma?.$disconnect();
  await proxypayPool?.end();
  await proxypayReadPrisma?.$disconnect();
  await proxypayReadPool?.end();
}
