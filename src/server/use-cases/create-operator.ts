import { randomUUID } from "node:crypto";
import { DomainError } from "@/domain/errors";
import { inTransaction } from "../db/transaction";
import { appendAudit } from "../repositories/audit";
import { insertUser } from "../repositories/users";
import { hashPin } from "../security/pin";
import type { Actor } from "./actor";

/**
 * Operators are created by operators; the first one of a deployment by `npm run
 * operator:create` on the server (actor null: the audit row says "CLI"). Each is audited.
 */
export async function createOperator(
  actor: Actor | null,
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
    if (!created) throw new DomainError("CONFLICT", "phoneHasAccount");
    await appendAudit(tx, {
      actorId: actor?.userId ?? null,
      actorRole: actor?.role ?? "CLI",
      action: "operator.create",
      entityType: "operator",
      entityId: id,
      ip: actor?.ip ?? null,
      after: { phone: input.phone, name: input.name },
    });
    return { userId: id };
  });
}
