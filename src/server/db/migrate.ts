import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { bootstrapPlatform } from "./bootstrap";
import { clientFor, parseTargets, withDatabase } from "./targets";

// Prisma's `migrate deploy` needs its schema engine, which cannot be downloaded here, so
// this small runner applies the same folder layout (prisma/migrations/<ts>_<name>/migration.sql)
// into a table shaped like Prisma's `_prisma_migrations`. An advisory lock serialises
// concurrent runners (several app instances or test workers starting at once).
const MIGRATION_LOCK_KEY = 72_707_001;

export interface MigrationResult {
  applied: string[];
  skipped: number;
}

function checksum(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

export async function migrate(
  connectionString: string,
  migrationsDir = path.join(process.cwd(), "prisma", "migrations"),
): Promise<MigrationResult> {
  // Several hosts (a failover formation): the runner finds the read-write one itself.
  const client = clientFor(connectionString);
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS _prisma_migrations (
      id varchar(36) PRIMARY KEY,
      checksum varchar(64) NOT NULL,
      finished_at timestamptz,
      migration_name varchar(255) NOT NULL UNIQUE,
      logs text,
      rolled_back_at timestamptz,
      started_at timestamptz NOT NULL DEFAULT now(),
      applied_steps_count integer NOT NULL DEFAULT 0
    )`);
    const done = await client.query<{ migration_name: string; checksum: string }>(
      "SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL",
    );
    const applied = new Map(done.rows.map((r) => [r.migration_name, r.checksum]));
    const names = (await readdir(migrationsDir, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const result: MigrationResult = { applied: [], skipped: 0 };
    for (const name of names) {
      const sql = await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8");
      const sum = checksum(sql);
      const previous = applied.get(name);
      if (previous !== undefined) {
        // An edited migration that already ran means databases have silently diverged.
        if (previous !== sum) {
          throw new Error(`migration ${name} was changed after it was applied`);
        }
        result.skipped += 1;
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), 1)`,
          [randomUUID(), sum, name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${name} failed: ${(error as Error).message}`);
      }
      result.applied.push(name);
    }
    // Settings version 1 and the platform accounts, on every run: see bootstrap.ts.
    await client.query("BEGIN");
    try {
      await bootstrapPlatform(client);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw new Error(`platform bootstrap failed: ${(error as Error).message}`);
    }
    return result;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

/** A client on the server's `postgres` database, and the database name of the URL. */
function maintenanceClient(connectionString: string): { client: pg.Client; name: string } {
  const name = parseTargets(connectionString).database;
  if (!/^[a-z0-9_]+$/i.test(name)) throw new Error(`unsupported database name: ${name}`);
  return { client: clientFor(withDatabase(connectionString, "postgres")), name };
}

export async function dropDatabase(connectionString: string): Promise<void> {
  const { client, name } = maintenanceClient(connectionString);
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Creates the database named in the URL if it does not exist yet (connects to `postgres`). */
export async function ensureDatabase(connectionString: string): Promise<void> {
  const { client, name } = maintenanceClient(connectionString);
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name}"`).catch((error: { code?: string }) => {
        // Another process created it between our check and our CREATE.
        if (error.code !== "42P04") throw error;
      });
    }
  } finally {
    await client.end();
  }
}
