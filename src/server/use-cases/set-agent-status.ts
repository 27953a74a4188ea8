import { DomainError } from "@/domain/errors";
import { inTransaction } from "../db/transaction";
import { appendAudit } from "../repositories/audit";
import { agentStatusOf, setAgentStatusRow } from "../repositories/users";
import type { Actor } from "./actor";

/**
 * Suspends or reactivates a shop. A suspended agent can still sign in and see why, and
 * decline orders it holds, but cannot scan or confirm (see activeAgentOf).
 */
export async function setAgentStatus(
  actor: Actor,
  input: { agentId: string; suspend: boolean; reason?: string | undefined },
) {
  return inTransaction(async (tx) => {
    const before = await agentStatusOf(tx, input.agentId);
    if (!before) throw new DomainError("NOT_FOUND", "noSuchAgent");
    const after = input.suspend
      ? {
          status: "SUSPENDED" as const,
          suspendedReason: input.reason ?? "Suspended by the operator",
        }
      : { status: "ACTIVE" as const, suspendedReason: null };
    await setAgentStatusRow(tx, input.agentId, after);
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: input.suspend ? "agent.suspend" : "agent.reactivate",
      entityType: "agent",
      entityId: input.agentId,
      ip: actor.ip,
      before,
      after,
    });
    return { agentId: input.agentId, ...after };
  });
}
