import { randomUUID } from "node:crypto";
import { DomainError } from "@/domain/errors";
import { inTransaction } from "../db/transaction";
import { ensureUserAccount } from "../repositories/accounts";
import { appendAudit } from "../repositories/audit";
import { currentSettings } from "../repositories/settings";
import { insertAgent, insertUser } from "../repositories/users";
import { hashPin } from "../security/pin";
import type { Actor } from "./actor";

export interface OnboardAgentInput {
  shopName: string;
  ownerName: string;
  ownerPhone: string;
  pin: string;
  locationText: string;
  latitude?: number | undefined;
  longitude?: number | undefined;
}

/** An operator opens a shop: the agent's login, its float and commission accounts. */
export async function onboardAgent(actor: Actor, input: OnboardAgentInput) {
  const pinHash = await hashPin(input.pin);
  return inTransaction(async (tx) => {
    const userId = randomUUID();
    const agentId = randomUUID();
    const created = await insertUser(tx, {
      id: userId,
      role: "AGENT",
      phone: input.ownerPhone,
      name: input.ownerName,
      pinHash,
    });
    if (!created)
      throw new DomainError("CONFLICT", "This phone number already has a ProxyPay account");
    await insertAgent(tx, {
      id: agentId,
      userId,
      shopName: input.shopName,
      locationText: input.locationText,
      ...(input.latitude !== undefined ? { latitude: input.latitude } : {}),
      ...(input.longitude !== undefined ? { longitude: input.longitude } : {}),
    });
    const { settings } = await currentSettings(tx);
    await ensureUserAccount(tx, userId, "FLOAT", settings.currency);
    await ensureUserAccount(tx, userId, "COMMISSION", settings.currency);
    const { pin: _secret, ...visible } = input;
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "agent.onboard",
      entityType: "agent",
      entityId: agentId,
      ip: actor.ip,
      after: visible,
    });
    return { agentId, userId };
  });
}
