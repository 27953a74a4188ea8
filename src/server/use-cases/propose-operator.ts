import { randomUUID } from "node:crypto";
import { DomainError } from "@/domain/errors";
import { inTransaction } from "../db/transaction";
import { appendAudit } from "../repositories/audit";
import { expireInvitationsOf, insertInvitation } from "../repositories/operator-invitations";
import { findUserByPhone } from "../repositories/users";
import { activationCodeHash, newActivationCode } from "../security/activation-code";
import type { Actor } from "./actor";

/** A proposal waits this long for a second operator. */
const PROPOSAL_DAYS = 7;

/**
 * The maker: proposes a new operator by name and phone; no account exists yet, and nobody
 * chooses a password for them. The proposer is shown their half of the activation once (it
 * is stored hashed); the approver gets the other half (decide-operator.ts). Not idempotent
 * by key: a stored response would keep the code in clear; a repeat is refused as already
 * proposed instead.
 */
export async function proposeOperator(actor: Actor, input: { phone: string; name: string }) {
  const code = newActivationCode();
  const expiresAt = new Date(Date.now() + PROPOSAL_DAYS * 24 * 60 * 60 * 1000);
  return inTransaction(async (tx) => {
    if (await findUserByPhone(tx, input.phone)) {
      throw new DomainError("CONFLICT", "phoneHasAccount");
    }
    await expireInvitationsOf(tx, input.phone);
    const id = randomUUID();
    const inserted = await insertInvitation(tx, {
      id,
      phone: input.phone,
      name: input.name,
      proposedBy: actor.userId,
      makerCodeHash: activationCodeHash(code),
      expiresAt,
    });
    if (!inserted) {
      throw new DomainError("CONFLICT", "operatorProposedWaiting");
    }
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "operator.propose",
      entityType: "operator",
      entityId: id,
      ip: actor.ip,
      after: { phone: input.phone, name: input.name },
    });
    return { invitationId: id, proposerCode: code, expiresAt };
  });
}
