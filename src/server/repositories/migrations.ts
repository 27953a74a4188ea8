import { getDb } from "../db/client";

/**
 * The migrations the database says it finished, with their checksums (the runner's
 * `_prisma_migrations` table, src/server/db/migrate.ts). The app's role may read it
 * (migration observability_grants).
 */
export async function finishedMigrations(): Promise<Map<string, string>> {
  const rows = await getDb().$queryRaw<{ migration_name: string; checksum: string }[]>`
    SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
  return new Map(rows.map((r) => [r.migration_name, r.checksum]));
}
