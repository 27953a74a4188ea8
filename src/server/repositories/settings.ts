import { parseSettings, type Settings, type SettingsJson } from "@/domain/settings";
import { prismaOf, type Runner } from "../db/sql";
import type { Tx } from "../db/transaction";

/** The newest settings version as stored (unparsed), or null before the bootstrap. */
export function latestSettingsRow(db: Tx) {
  return db.configVersion.findFirst({ orderBy: { version: "desc" } });
}

/** Settings versions, newest first. */
export function settingsVersions(db: Tx, limit: number) {
  return db.configVersion.findMany({ orderBy: { version: "desc" }, take: limit });
}

/** One settings editor at a time, until the end of the caller's transaction. */
export async function lockSettingsEditing(db: Tx): Promise<void> {
  await db.$executeRaw`SELECT pg_advisory_xact_lock(72707002)`;
}

export async function currentSettings(
  db: Runner,
): Promise<{ version: number; settings: Settings }> {
  const row = await latestSettingsRow(prismaOf(db));
  if (!row) throw new Error("no configuration: run the seed (npm run db:seed)");
  return { version: row.version, settings: parseSettings(row.settings) };
}

// Versions are append-only (a trigger forbids UPDATE and DELETE), so a version read once
// is kept: claiming an order then costs no extra query for the version it was priced with.
const versions = new Map<number, Settings>();

/** The settings an order was priced with (orders keep their version number). */
export async function settingsVersion(db: Runner, version: number): Promise<Settings> {
  const known = versions.get(version);
  if (known) return known;
  const row = await prismaOf(db).configVersion.findUnique({ where: { version } });
  if (!row) throw new Error(`settings version ${version} is missing`);
  const settings = parseSettings(row.settings);
  versions.set(version, settings);
  return settings;
}

export async function insertSettingsVersion(
  db: Tx,
  settings: SettingsJson,
  createdBy: string | null,
): Promise<number> {
  const rows = await db.$queryRaw<{ version: number }[]>`
    INSERT INTO config_versions (version, settings, created_by)
    SELECT coalesce(max(version), 0) + 1, ${JSON.stringify(settings)}::jsonb, ${createdBy}::uuid
    FROM config_versions
    RETURNING version`;
  return rows[0]!.version;
}

/**
 * The operator controls in force: the lowest value of each over the current version and
 * every version saved in the last 24 hours. Lowering a limit applies at once; raising one
 * applies only once the raise has stood for a day, in the audit log for every operator to
 * see, so one operator cannot raise a limit and then use it alone.
 */
export async function controlsInForce(
  db: Tx,
): Promise<{ operatorFourEyesAbove: bigint; settlementLimit: bigint }> {
  const rows = await db.$queryRaw<{ settings: unknown }[]>`
    SELECT settings FROM config_versions
    WHERE version >= coalesce(
      (SELECT max(version) FROM config_versions WHERE created_at <= now() - interval '24 hours'), 0)`;
  if (rows.length === 0) throw new Error("no configuration: run the seed (npm run db:seed)");
  const all = rows.map((r) => parseSettings(r.settings));
  // bigints: Math.min does not take them.
  const lowest = (pick: (s: Settings) => bigint) =>
    all.map(pick).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))[0]!;
  return {
    operatorFourEyesAbove: lowest((s) => s.operatorFourEyesAbove),
    settlementLimit: lowest((s) => s.settlementLimit),
  };
}
