import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { orderListenerConnected } from "../realtime/order-changes";
import { finishedMigrations } from "../repositories/migrations";

export interface Readiness {
  ready: boolean;
  checks: { database: string; migrations: string; listener: string };
}

const onDisk = new Map<string, Promise<Map<string, string>>>();
const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

/**
 * The migration files this build ships (prisma/migrations beside the server, as
 * scripts/serve.mjs and `next start` run from the project folder), with the same sha256 the
 * runner records. Read once: they do not change under a running server.
 */
function migrationFiles(dir: string): Promise<Map<string, string>> {
  const cached = onDisk.get(dir);
  if (cached) return cached;
  const reading = (async () => {
    const names = (await readdir(dir, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    const files = new Map<string, string>();
    for (const name of names.sort()) {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      files.set(name, createHash("sha256").update(sql).digest("hex"));
    }
    return files;
  })();
  onDisk.set(dir, reading);
  reading.catch(() => onDisk.delete(dir));
  return reading;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message.split("\n")[0]!.slice(0, 200) : String(error);
}

/**
 * Whether this instance can serve: the database answers, every migration file was applied
 * unchanged, and the LISTEN connection that carries order changes to live screens is up (a
 * server without it would show phones stale orders). Each part says "ok" or what is wrong;
 * the texts carry no secrets (no URL, no password).
 */
export async function readiness(migrationsDir = MIGRATIONS_DIR): Promise<Readiness> {
  const checks = { database: "ok", migrations: "ok", listener: "ok" };
  let applied: Map<string, string> | undefined;
  try {
    applied = await finishedMigrations();
  } catch (error) {
    checks.database = `unreachable: ${reason(error)}`;
    checks.migrations = "unknown (database unreachable)";
  }
  if (applied) {
    try {
      const files = await migrationFiles(migrationsDir);
      const missing = [...files.keys()].filter((name) => !applied.has(name));
      const changed = [...files].filter(
        ([name, sum]) => applied.has(name) && applied.get(name) !== sum,
      );
      if (missing.length > 0) checks.migrations = `not applied: ${missing.join(", ")}`;
      else if (changed.length > 0) {
        checks.migrations = `changed after applying: ${changed.map(([n]) => n).join(", ")}`;
      }
    } catch (error) {
      checks.migrations = `migration files unreadable: ${reason(error)}`;
    }
  }
  if (!(await orderListenerConnected())) checks.listener = "order-changes listener not connected";
  const ready = Object.values(checks).every((c) => c === "ok");
  return { ready, checks };
}
