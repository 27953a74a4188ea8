import { planOrder } from "@/domain/commission-plan";
import { DomainError } from "@/domain/errors";
import type { Settings } from "@/domain/settings";
import { inTransaction } from "../db/transaction";
import { appendAudit } from "../repositories/audit";
import { currentSettings } from "../repositories/settings";
import { changeAgentPlan } from "../repositories/users";
import type { Actor } from "./actor";

/** An agent can be put only on a plan the current settings offer. */
export function requirePlan(settings: Settings, plan: string): void {
  if (!(plan in settings.commissionPlans)) {
    const offered = Object.keys(settings.commissionPlans).sort(planOrder).join(", ");
    throw new DomainError("INVALID_INPUT", "noSuchPlan", {
      plan,
      plans: offered,
    });
  }
}

/**
 * Moves an agent to another commission plan. Orders the agent has already claimed keep the
 * commission they were given; orders it claims from now on are paid by the new plan.
 */
export function setAgentPlan(actor: Actor, input: { agentId: string; plan: string }) {
  return inTransaction(async (tx) => {
    requirePlan((await currentSettings(tx)).settings, input.plan);
    const before = await changeAgentPlan(tx, input.agentId, input.plan);
    if (before === null) throw new DomainError("NOT_FOUND", "noSuchAgent");
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "agent.plan",
      entityType: "agent",
      entityId: input.agentId,
      ip: actor.ip,
      before: { commissionPlan: before },
      after: { commissionPlan: input.plan },
    });
    return { agentId: input.agentId, commissionPlan: input.plan };
  });
}
