import { randomUUID } from "node:crypto";
import { DomainError } from "@/domain/errors";
import { MAX_ACTIVE_ASSISTANTS } from "@/domain/staff";
import { inTransaction, type Tx } from "../db/transaction";
import { appendAudit } from "../repositories/audit";
import {
  assistantsOfShop,
  countActiveAssistants,
  insertAssistant,
  lockShopRow,
  setAssistantStatus,
} from "../repositories/staff";
import { insertUser, type ShopRow, shopOfUser } from "../repositories/users";
import { hashPin } from "../security/pin";
import type { Actor } from "./actor";

/**
 * The owner's shop, refusing anyone else. shopOwnerProcedure already refuses assistants by
 * role; this is the same rule where the people of a shop are changed, for any other caller.
 */
async function ownersShop(tx: Tx, actor: Actor): Promise<ShopRow> {
  const shop = await shopOfUser(tx, actor.userId);
  if (!shop) throw new DomainError("FORBIDDEN", "notAnAgent");
  if (!shop.isOwner) throw new DomainError("FORBIDDEN", "ownerOnly");
  return shop;
}

/** The shop's assistants, oldest first: who may serve at its counter, and who may not now. */
export async function shopStaff(actor: Actor) {
  return inTransaction(async (tx) => {
    const shop = await ownersShop(tx, actor);
    return { max: MAX_ACTIVE_ASSISTANTS, assistants: await assistantsOfShop(tx, shop.id) };
  });
}

/** Refuses a change that would give the shop more active assistants than allowed. */
async function refuseWhenFull(tx: Tx, agentId: string): Promise<void> {
  if ((await countActiveAssistants(tx, agentId)) >= MAX_ACTIVE_ASSISTANTS) {
    throw new DomainError("LIMIT_EXCEEDED", "staffFull", { max: String(MAX_ACTIVE_ASSISTANTS) });
  }
}

/**
 * The owner adds an assistant with their own phone and PIN; they sign in at /agent/login and
 * serve on the shop's float. The count is checked under the shop's row lock, so a burst of
 * adds stops at exactly MAX_ACTIVE_ASSISTANTS (the database's trigger is the same rule). No
 * money moves, so no idempotency key: a retry after a lost answer is told the phone is taken
 * and finds the assistant in the list.
 */
export async function addAssistant(
  actor: Actor,
  input: { name: string; phone: string; pin: string },
): Promise<{ userId: string }> {
  // Hashing is slow on purpose: done before the lock, not while other adds wait for it.
  const pinHash = await hashPin(input.pin);
  return inTransaction(async (tx) => {
    const shop = await ownersShop(tx, actor);
    await lockShopRow(tx, shop.id);
    await refuseWhenFull(tx, shop.id);
    const userId = randomUUID();
    const created = await insertUser(tx, {
      id: userId,
      role: "ASSISTANT",
      phone: input.phone,
      name: input.name,
      pinHash,
    });
    if (!created) throw new DomainError("CONFLICT", "phoneHasAccount");
    await insertAssistant(tx, { userId, agentId: shop.id, addedBy: actor.userId });
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "staff.add",
      entityType: "user",
      entityId: userId,
      ip: actor.ip,
      after: { agentId: shop.id, name: input.name, phone: input.phone },
    });
    return { userId };
  });
}

/**
 * Suspends an assistant of the owner's shop: from this commit on, shopOfUser no longer
 * resolves them, their sessions are refused on the next call (callerStatus: LOCKED) and a
 * sign-in is refused. Reactivating counts against the limit again, under the same lock.
 */
export async function setAssistantSuspended(
  actor: Actor,
  input: { userId: string; suspended: boolean },
): Promise<{ status: "ACTIVE" | "SUSPENDED" }> {
  return inTransaction(async (tx) => {
    const shop = await ownersShop(tx, actor);
    await lockShopRow(tx, shop.id);
    if (!input.suspended) await refuseWhenFull(tx, shop.id);
    const changed = await setAssistantStatus(tx, {
      userId: input.userId,
      agentId: shop.id,
      suspended: input.suspended,
    });
    if (!changed) {
      throw new DomainError(
        "NOT_FOUND",
        input.suspended ? "noActiveAssistant" : "noSuspendedAssistant",
      );
    }
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: input.suspended ? "staff.suspend" : "staff.reactivate",
      entityType: "user",
      entityId: input.userId,
      ip: actor.ip,
      after: { agentId: shop.id, status: input.suspended ? "SUSPENDED" : "ACTIVE" },
    });
    return { status: input.suspended ? "SUSPENDED" : "ACTIVE" };
  });
}
