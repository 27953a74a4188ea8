import type { Tx } from "../db/transaction";

export async function appendAudit(
  db: Tx,
  a: {
    actorId: string | null;
    actorRole: string;
    action: string;
    entityType: string;
    entityId: string;
    ip: string | null;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await db.$executeRaw`
    INSERT INTO audit_log (actor_id, actor_role, action, entity_type, entity_id, ip, before, after)
    VALUES (${a.actorId}::uuid, ${a.actorRole}, ${a.action}, ${a.entityType}, ${a.entityId}, ${a.ip},
            ${jsonText(a.before)}::jsonb, ${jsonText(a.after)}::jsonb)`;
}

/** JSON has no bigint: money in audit snapshots is written as a decimal string. */
function jsonText(value: unknown): string | null {
  if (value === undefined) return null;
  return JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v));
}

/** A search of the audit log: what, on which entity, by whom, when; a page after beforeId. */
export interface AuditQuery {
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforeId?: bigint | undefined;
  limit: number;
}

/** The audit log, filtered, newest first, keyset pages by id. */
export function auditPage(db: Tx, q: AuditQuery) {
  return db.auditLog.findMany({
    where: {
      ...(q.action ? { action: { startsWith: q.action } } : {}),
      ...(q.entityType ? { entityType: q.entityType } : {}),
      ...(q.entityId ? { entityId: q.entityId } : {}),
      ...(q.actorId ? { actorId: q.actorId } : {}),
      ...(q.from || q.to
        ? {
            createdAt: {
              ...(q.from ? { gte: q.from } : {}),
              ...(q.to ? { lt: q.to } : {}),
            },
          }
        : {}),
      ...(q.beforeId ? { id: { lt: q.beforeId } } : {}),
    },
    orderBy: { id: "desc" },
    take: q.limit,
  });
}
