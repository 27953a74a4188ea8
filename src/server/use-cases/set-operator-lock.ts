import { DomainError } from "@/domain/errors";
import { inTransaction } from "../db/transaction";
import { appendAudit } from "../repositories/audit";
import { findUserById, setOperatorStatus } from "../repositories/users";
import type { Actor } from "./actor";

/**
 * Another operator locks (or unlocks) an operator; nobody locks or unlocks themselves. A
 * locked operator is refused by every call and their sessions end (sessions_valid_from).
 */
export async function setOperatorLock(
  actor: Actor,
  input: { userId: string; locked: boolean; reason?: string | undefined },
) {
  if (input.userId === actor.userId) {
    throw new DomainError("FORBIDDEN", "operatorLockSelf");
  }
  return inTransaction(async (tx) => {
    const changed = await setOperatorStatus(tx, {
      id: input.userId,
      locked: input.locked,
      by: actor.userId,
    });
    if (!changed) {
      const user = await findUserById(tx, input.userId);
      if (user?.role !== "ADMIN") throw new DomainError("NOT_FOUND", "noSuchOperator");
      throw new DomainError(
        "CONFLICT",
        input.locked ? "operatorAlreadyLocked" : "operatorNotLocked",
      );
    }
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: input.locked ? "operator.lock" : "operator.unlock",
      entityType: "operator",
      entityId: input.userId,
      ip: actor.ip,
      before: { status: input.locked ? "ACTIVE" : "LOCKED" },
      after: { status: input.locked ? "LOCKED" : "ACTIVE", reason: input.reason ?? null },
    });
    return {
      userId: input.userId,
      status: input.locked ? ("LOCKED" as const) : ("ACTIVE" as const),
    };
  });
}
