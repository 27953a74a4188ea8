import { DomainError } from "@/domain/errors";
import { readWeekHours, type WeekHours } from "@/domain/opening-hours";
import { inTransaction } from "../db/transaction";
import { appendAudit } from "../repositories/audit";
import { setOpeningHours, setShopPosition, shopPlace } from "../repositories/finder";
import { shopOfUser } from "../repositories/users";
import type { Actor } from "./actor";

export interface ShopProfileView {
  shopName: string;
  areaName: string | null;
  locationText: string;
  /** Whether an operator placed the shop on the map (the finder lists it by distance). */
  placed: boolean;
  openingHours: WeekHours | null;
}

/** The owner's shop as customers' finder shows it. */
export function myShop(actor: Actor): Promise<ShopProfileView> {
  return inTransaction(async (tx) => {
    const shop = await shopOfUser(tx, actor.userId);
    if (!shop) throw new DomainError("FORBIDDEN", "notAnAgent");
    const place = (await shopPlace(tx, shop.id))!;
    return {
      shopName: place.shopName,
      areaName: place.areaName,
      locationText: place.locationText,
      placed: place.latitude !== null,
      openingHours: readWeekHours(place.openingHours),
    };
  });
}

/** The owner sets the shop's weekly opening hours (audited: customers walk by them). */
export function updateMyShop(
  actor: Actor,
  input: { openingHours: WeekHours },
): Promise<ShopProfileView> {
  return inTransaction(async (tx) => {
    const shop = await shopOfUser(tx, actor.userId);
    if (!shop) throw new DomainError("FORBIDDEN", "notAnAgent");
    const before = (await shopPlace(tx, shop.id))!;
    await setOpeningHours(tx, shop.id, input.openingHours);
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "shop.hours",
      entityType: "agent",
      entityId: shop.id,
      ip: actor.ip,
      before: { openingHours: before.openingHours },
      after: { openingHours: input.openingHours },
    });
    return {
      shopName: before.shopName,
      areaName: before.areaName,
      locationText: before.locationText,
      placed: before.latitude !== null,
      openingHours: input.openingHours,
    };
  });
}

/** An operator places a shop on the map and names its area (what customers type). */
export function setAgentLocation(
  actor: Actor,
  input: { agentId: string; latitude: number; longitude: number; areaName: string },
): Promise<{ agentId: string }> {
  return inTransaction(async (tx) => {
    const before = await shopPlace(tx, input.agentId);
    if (!before || !(await setShopPosition(tx, input))) {
      throw new DomainError("NOT_FOUND", "noSuchAgent");
    }
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "agent.location",
      entityType: "agent",
      entityId: input.agentId,
      ip: actor.ip,
      before: { latitude: before.latitude, longitude: before.longitude, areaName: before.areaName },
      after: { latitude: input.latitude, longitude: input.longitude, areaName: input.areaName },
    });
    return { agentId: input.agentId };
  });
}
