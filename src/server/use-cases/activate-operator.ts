import { randomUUID } from "node:crypto";
import { DomainError } from "@/domain/errors";
import { PIN_PER_IP, PIN_PER_PHONE } from "@/domain/rate-limits";
import { inTransaction } from "../db/transaction";
import { appendAudit } from "../repositories/audit";
import { lockApprovedInvitationOf, markActivated } from "../repositories/operator-invitations";
import { insertUser } from "../repositories/users";
import { activationCodeHash, sameHash } from "../security/activation-code";
import { hashPin } from "../security/pin";
import { admitAttempt, forgetFailures, takeBackAttempt } from "./failure-limits";

/**
 * The new operator, not signed in, opens their account with the proposer's and the
 * approver's codes and chooses their own password; only now does the account exist. Codes
 * are single use (cleared in the same transaction) and attempts are counted per phone and
 * per IP before they are checked, like PINs.
 */
export async function activateOperator(
  input: { phone: string; proposerCode: string; approverCode: string; password: string },
  ip: string | null,
) {
  const phoneKey = `activation:phone:${input.phone}`;
  const ipKey = ip ? `activation:ip:${ip}` : null;
  await admitAttempt(
    [
      { key: phoneKey, policy: PIN_PER_PHONE },
      ...(ipKey ? [{ key: ipKey, policy: PIN_PER_IP }] : []),
    ],
    "tooMany.codes",
  );
  const passwordHash = await hashPin(input.password);
  const result = await inTransaction(async (tx) => {
    const invitation = await lockApprovedInvitationOf(tx, input.phone);
    const ok =
      invitation !== null &&
      invitation.expiresAt.getTime() > Date.now() &&
      // Both checked, always: the time taken does not tell which half was wrong.
      [
        sameHash(invitation.makerCodeHash, activationCodeHash(input.proposerCode)),
        sameHash(invitation.checkerCodeHash, activationCodeHash(input.approverCode)),
      ].every(Boolean);
    if (!invitation || !ok) throw new DomainError("WRONG_CODE", "operatorCodesWrong");
    const userId = randomUUID();
    const created = await insertUser(tx, {
      id: userId,
      role: "ADMIN",
      phone: input.phone,
      name: invitation.name,
      pinHash: passwordHash,
    });
    if (!created) throw new DomainError("CONFLICT", "phoneHasAccount");
    if (!(await markActivated(tx, invitation.id, userId)))
      throw new DomainError("WRONG_CODE", "operatorCodesWrong");
    await appendAudit(tx, {
      actorId: userId,
      actorRole: "ADMIN",
      action: "operator.activate",
      entityType: "operator",
      entityId: invitation.id,
      ip,
      after: {
        userId,
        phone: input.phone,
        proposedBy: invitation.proposedBy,
        approvedBy: invitation.decidedBy,
      },
    });
    return { userId, name: invitation.name };
  });
  await forgetFailures(phoneKey);
  if (ipKey) await takeBackAttempt(ipKey);
  return result;
}
