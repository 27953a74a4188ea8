import { inTransaction } from "../db/transaction";

/** The append-only audit log, filtered, newest first, keyset-paginated by id. */
export async function searchAudit(input: {
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforeId?: bigint | undefined;
  limit: number;
}) {
  return inTransaction((tx) =>
    tx.auditLog.findMany({
      where: {
        ...(input.action ? { action: { startsWith: input.action } } : {}),
        ...(input.entityType ? { entityType: input.entityType } : {}),
        ...(input.entityId ? { entityId: input.entityId } : {}),
        ...(input.actorId ? { actorId: input.actorId } : {}),
        ...(input.from || input.to
          ? {
              createdAt: {
                ...(input.from ? { gte: input.from } : {}),
                ...(input.to ? { lt: input.to } : {}),
              },
            }
          : {}),
        ...(input.beforeId ? { id: { lt: input.beforeId } } : {}),
      },
      orderBy: { id: "desc" },
      take: input.limit,
    }),
  );
}
