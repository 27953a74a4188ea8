import { DomainError } from "@/domain/errors";
import { inTransaction } from "../db/transaction";
import { appendAudit } from "../repositories/audit";
import { decideInvitation, lockInvitation } from "../repositories/operator-invitations";
import { activationCodeHash, newActivationCode } from "../security/activation-code";
import type { Actor } from "./actor";

/** After approval the new operator has this long to activate the account. */
const ACTIVATION_HOURS = 72;

/**
 * The checker: a different operator approves or rejects a proposed operator. Approval gives
 * the approver the second half of the activation, shown once; the new person needs both
 * halves to set their own password (activate-operator.ts), so neither operator alone can
 * sign in as them.
 */
export async function decideOperator(
  actor: Actor,
  input: { invitationId: string; approve: boolean },
) {
  const code = input.approve ? newActivationCode() : null;
  const expiresAt = input.approve ? new Date(Date.now() + ACTIVATION_HOURS * 60 * 60 * 1000) : null;
  return inTransaction(async (tx) => {
    const invitation = await lockInvitation(tx, input.invitationId);
    if (!invitation) throw new DomainError("NOT_FOUND", "noSuchProposal");
    if (invitation.proposedBy === actor.userId) {
      throw new DomainError("FORBIDDEN", "proposalSecondOperator");
    }
    const decided = await decideInvitation(tx, {
      id: invitation.id,
      approve: input.approve,
      decidedBy: actor.userId,
      checkerCodeHash: code ? activationCodeHash(code) : null,
      expiresAt,
    });
    if (!decided) {
      throw new DomainError(
        "CONFLICT",
        invitation.status === "PROPOSED" ? "proposalExpired" : "proposalDecided",
      );
    }
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: input.approve ? "operator.approve" : "operator.reject",
      entityType: "operator",
      entityId: invitation.id,
      ip: actor.ip,
      before: { status: "PROPOSED" },
      after: { status: input.approve ? "APPROVED" : "REJECTED", phone: invitation.phone },
    });
    return input.approve
      ? {
          invitationId: invitation.id,
          status: "APPROVED" as const,
          name: invitation.name,
          phone: invitation.phone,
          approverCode: code,
          expiresAt,
        }
      : {
          invitationId: invitation.id,
          status: "REJECTED" as const,
          name: invitation.name,
          phone: invitation.phone,
          approverCode: null,
          expiresAt: null,
        };
  });
}
