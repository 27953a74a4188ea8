import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

// One Prisma client per process, created on first use: `next build` imports route modules
// with no DATABASE_URL, so nothing may connect at module load.
const globalForPrisma = globalThis as unknown as { proxypayPrisma?: PrismaClient };

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (start the app through npm start)");
  return url;
}

export function getDb(): PrismaClient {
  if (!globalForPrisma.proxypayPrisma) {
    const adapter = new PrismaPg({
      connectionString: databaseUrl(),
      max: Number(process.env.DB_POOL_SIZE ?? 20),
    });
    globalForPrisma.proxypayPrisma = new PrismaClient({ adapter });
  }
  return globalForPrisma.proxypayPrisma;
}

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.proxypayPrisma?.$disconnect();
  globalForPrisma.proxypayPrisma = undefined;
}
