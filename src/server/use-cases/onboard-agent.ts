import { randomUUID } from "node:crypto";
import { DomainError } from "@/domain/errors";
import { ensureUserAccount } from "../repositories/accounts";
import { appendAudit } from "../repositories/audit";
import { currentSettings } from "../repositories/settings";
import { insertAgent, insertUser } from "../repositories/users";
import { hashPin, pinFingerprint } from "../security/pin";
import type { Actor } from "./actor";
import { idempotent } from "./idempotent";
import { requirePlan } from "./set-agent-plan";

export interface OnboardAgentInput {
  shopName: string;
  ownerName: string;
  ownerPhone: string;
  pin: string;
  locationText: string;
  /** A code in the current settings' commissionPlans. */
  commissionPlan: string;
  latitude?: number | undefined;
  longitude?: number | undefined;
  idempotencyKey: string;
}

/**
 * An operator opens a shop: the agent's login, its float and commission accounts. Under an
 * idempotency key, so an operator who retries after a lost response gets the shop that was
 * opened rather than "this phone already has an account".
 */
export async function onboardAgent(actor: Actor, input: OnboardAgentInput) {
  const { idempotencyKey, pin, ...visible } = input;
  const pinHash = await hashPin(pin);
  // The request hash covers the PIN by its fingerprint, never the PIN itself: a plain hash of
  // a 4-digit PIN beside the phone number would give it away to anyone reading the table.
  // A retry with another PIN is then a different request, not a replay of the first.
  const request = { ...visible, pin: pinFingerprint(pin) };
  return idempotent(actor, idempotencyKey, "agent.onboard", request, async (tx) => {
    const userId = randomUUID();
    const agentId = randomUUID();
    const created = await insertUser(tx, {
      id: userId,
      role: "AGENT",
      phone: input.ownerPhone,
      name: input.ownerName,
      pinHash,
    });
    if (!created) throw new DomainError("CONFLICT", "phoneHasAccount");
    const { settings } = await currentSettings(tx);
    requirePlan(settings, input.commissionPlan);
    await insertAgent(tx, {
      id: agentId,
      userId,
      shopName: input.shopName,
      locationText: input.locationText,
      commissionPlan: input.commissionPlan,
      ...(input.latitude !== undefined ? { latitude: input.latitude } : {}),
      ...(input.longitude !== undefined ? { longitude: input.longitude } : {}),
    });
    await ensureUserAccount(tx, userId, "FLOAT", settings.currency);
    await ensureUserAccount(tx, userId, "COMMISSION", settings.currency);
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
