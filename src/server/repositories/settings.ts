import { parseSettings, type Settings, type SettingsJson } from "@/domain/settings";
import type { Tx } from "../db/transaction";

export async function currentSettings(db: Tx): Promise<{ version: number; settings: Settings }> {
  const row = await db.configVersion.findFirst({ orderBy: { version: "desc" } });
  if (!row) throw new Error("no configuration: run the seed (npm run db:seed)");
  return { version: row.version, settings: parseSettings(row.settings) };
}

// Versions are append-only (a trigger forbids UPDATE and DELETE), so a version read once
// is kept: claiming an order then costs no extra query for the version it was priced with.
const versions = new Map<number, Settings>();

/** The settings an order was priced with (orders keep their version number). */
export async function settingsVersion(db: Tx, version: number): Promise<Settings> {
  const known = versions.get(version);
  if (known) return known;
  const row = await db.configVersion.findUnique({ where: { version } });
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
