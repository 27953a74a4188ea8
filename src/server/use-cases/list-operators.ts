import { inTransaction } from "../db/transaction";
import { recentInvitations } from "../repositories/operator-invitations";
import { operators } from "../repositories/users";

/** Everyone who can act as an operator (bounded: operators are few). */
export async function listOperators() {
  return inTransaction((tx) => operators(tx, 200));
}

/**
 * Recent operator proposals, newest first. An open one whose time is up reads as EXPIRED
 * (it is marked so when the phone is proposed again).
 */
export async function listOperatorInvitations(limit: number) {
  const rows = await inTransaction((tx) => recentInvitations(tx, limit));
  const now = Date.now();
  return rows.map((r) => ({
    ...r,
    status:
      (r.status === "PROPOSED" || r.status === "APPROVED") && r.expiresAt.getTime() <= now
        ? ("EXPIRED" as const)
        : r.status,
  }));
}
