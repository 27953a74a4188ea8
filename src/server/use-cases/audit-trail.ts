import { inTransaction } from "../db/transaction";
import { auditPage } from "../repositories/audit";

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
  return inTransaction((tx) => auditPage(tx, input));
}
