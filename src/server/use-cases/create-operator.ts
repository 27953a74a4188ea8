import { randomUUID } from "node:crypto";
import { DomainError } from "@/domain/errors";
import { inTransaction } from "../db/transaction";
import { appendAudit } from "../repositories/audit";
import { insertUser } from "../repositories/users";
import { hashPin } from "../security/pin";
import type { Actor } from "./actor";

/** Operators are created by operators (the first one by the seed); each one is audited. */
export async function createOperator(
  actor: Actor,
  input: { phone: string; name: string; password: string },
) {
  const passwordHash = await hashPin(input.password);
  return inTransaction(async (tx) => {
    const id = randomUUID();
    const created = await insertUser(tx, {
      id,
      role: "ADMIN",
      phone: input.phone,
      name: input.name,
      pinHash: passwordHash,
    });
    if (!created)
      throw new DomainError("CONFLICT", "This phone number already has a ProxyPay account");
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "operator.create",
      entityType: "operator",
      entityId: id,
      ip: actor.ip,
      after: { phone: input.phone, name: input.name },
    });
    return { userId: id };
  });
}
