import { inTransaction } from "../db/transaction";
import { type AuditQuery, auditPage } from "../repositories/audit";

/** The append-only audit log, filtered, newest first, keyset-paginated by id. */
export async function searchAudit(input: AuditQuery) {
  return inTransaction((tx) => auditPage(tx, input));
}
