import { inTransaction } from "../db/transaction";
import { recentInvitations } from "../repositories/operator-invitations";

/** Everyone who can act as an operator (bounded: operators are few). */
export async function listOperators() {
  return inTransaction((tx) =>
    tx.user.findMany({
      where: { role: "ADMIN" },
      orderBy: { createdAt: "asc" },
      take: 200,
      select: { id: true, name: true, phone: true, status: true, createdAt: true },
    }),
  );
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
