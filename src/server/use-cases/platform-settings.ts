import { DomainError } from "@/domain/errors";
import {
  currentSettingsSchema,
  droppedPlans,
  parseSettings,
  type SettingsJson,
  settingsJsonOf,
} from "@/domain/settings";
import { inTransaction } from "../db/transaction";
import { appendAudit } from "../repositories/audit";
import {
  insertSettingsVersion,
  latestSettingsRow,
  lockSettingsEditing,
  settingsVersions,
} from "../repositories/settings";
import type { Actor } from "./actor";

/** The current settings version and the history of versions (newest first). */
export async function settingsHistory(limit: number) {
  const rows = await inTransaction((tx) => settingsVersions(tx, limit));
  if (rows.length === 0) throw new DomainError("NOT_FOUND", "noSettings");
  return rows.map((r) => ({
    version: r.version,
    settings: settingsJsonOf(r.settings),
    createdBy: r.createdBy,
    createdAt: r.createdAt,
  }));
}

/**
 * A new settings version. Orders keep the version they were priced with, so a change
 * applies to new orders only. The whole document is validated as the domain reads it.
 */
export async function updateSettings(
  actor: Actor,
  input: { basedOnVersion: number; settings: SettingsJson },
) {
  const parsed = currentSettingsSchema.safeParse(input.settings);
  if (!parsed.success) {
    throw new DomainError(
      "INVALID_INPUT",
      "settingsInvalid",
      // zod's own words for the settings document (English; an operator's screen).
      {
        issues: parsed.error.issues
          .map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message))
          .join("; "),
      },
    );
  }
  return inTransaction(async (tx) => {
    // Serialise editors: two operators editing the same version must not both win.
    await lockSettingsEditing(tx);
    const current = await latestSettingsRow(tx);
    if (current && current.version !== input.basedOnVersion) {
      throw new DomainError("CONFLICT", "settingsChanged", { version: String(current.version) });
    }
    // Agents carry plan codes: a plan, once offered, stays (its rates can change).
    const dropped = current ? droppedPlans(parseSettings(current.settings), parsed.data) : [];
    if (dropped.length > 0) {
      throw new DomainError("INVALID_INPUT", "planCannotBeRemoved", { plans: dropped.join(", ") });
    }
    const version = await insertSettingsVersion(tx, input.settings, actor.userId);
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "settings.update",
      entityType: "settings",
      entityId: String(version),
      ip: actor.ip,
      before: current?.settings ?? null,
      after: input.settings,
    });
    return { version };
  });
}
