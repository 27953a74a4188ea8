import { randomUUID } from "node:crypto";
import { type CardStatus, maskedPhone } from "@/domain/cards";
import { DomainError } from "@/domain/errors";
import { inTransaction, type Tx } from "../db/transaction";
import { appendAudit } from "../repositories/audit";
import { cardHolder, cardsOfUser, closeActiveCard, insertCard } from "../repositories/cards";
import { cardSecret, hashCardSecret } from "../security/card-secret";
import type { Actor } from "./actor";

/**
 * What the holder's app and an operator see of a customer's card. The QR's secret is given
 * only for the active card, to print it; what is printed beside it is the holder's name and
 * a masked phone number, nothing that helps whoever finds the card.
 */
export interface CardView {
  holderName: string;
  maskedPhone: string;
  /** The card to print, or null when the customer has no working card. */
  active: { id: string; secret: string; issuedAt: Date } | null;
  /** Closed cards, newest first: why each stopped working. */
  closed: {
    id: string;
    status: Exclude<CardStatus, "ACTIVE">;
    issuedAt: Date;
    closedAt: Date | null;
    reason: string | null;
  }[];
}

async function holderOf(tx: Tx, userId: string) {
  const holder = await cardHolder(tx, userId);
  if (!holder) throw new DomainError("NOT_FOUND", "noSuchCustomer");
  return holder;
}

async function viewOf(tx: Tx, userId: string): Promise<CardView> {
  const holder = await holderOf(tx, userId);
  const cards = await cardsOfUser(tx, userId);
  const active = cards.find((c) => c.status === "ACTIVE");
  return {
    holderName: holder.name,
    maskedPhone: maskedPhone(holder.phone),
    active: active
      ? { id: active.id, secret: cardSecret(active.id), issuedAt: active.createdAt }
      : null,
    closed: cards
      .filter((c) => c.status !== "ACTIVE")
      .map((c) => ({
        id: c.id,
        status: c.status as Exclude<CardStatus, "ACTIVE">,
        issuedAt: c.createdAt,
        closedAt: c.closedAt,
        reason: c.blockReason,
      })),
  };
}

/** The card of `userId` as its holder (actor is the holder) or an operator sees it. */
export function cardOf(userId: string): Promise<CardView> {
  return inTransaction((tx) => viewOf(tx, userId));
}

/**
 * A new card for the customer: a new id, hence a new secret. A card still active is marked
 * REPLACED in the same transaction, so from this moment a scan of the old one is refused
 * ("replaced by a newer one"). The one-active-card index makes two issues at once commit
 * one card and refuse the other.
 */
export async function issueCard(actor: Actor, userId: string): Promise<CardView> {
  return inTransaction(async (tx) => {
    await holderOf(tx, userId);
    const replaced = await closeActiveCard(tx, userId, {
      status: "REPLACED",
      closedBy: actor.userId,
      reason: null,
    });
    const id = randomUUID();
    await insertCard(tx, { id, userId, secretHash: hashCardSecret(cardSecret(id)) });
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: replaced ? "card.replace" : "card.issue",
      entityType: "customer",
      entityId: userId,
      ip: actor.ip,
      before: replaced ? { card: replaced.id, status: "ACTIVE" } : null,
      after: { card: id, status: "ACTIVE", ...(replaced ? { replaced: replaced.id } : {}) },
    });
    return viewOf(tx, userId);
  });
}

/**
 * A lost card stops working at once: by its holder from the app (no reason asked) or by an
 * operator, with the reason the holder gave on the phone. Audited either way. Blocking is
 * final for that card: the holder gets a new one (issueCard), never the old one back, since
 * whoever found it may have photographed it.
 */
export async function blockCard(
  actor: Actor,
  userId: string,
  reason: string | null,
): Promise<CardView> {
  return inTransaction(async (tx) => {
    await holderOf(tx, userId);
    const why = reason ?? "Blocked by the holder";
    const closed = await closeActiveCard(tx, userId, {
      status: "BLOCKED",
      closedBy: actor.userId,
      reason: why,
    });
    if (!closed) throw new DomainError("NOT_FOUND", "noCardToBlock");
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "card.block",
      entityType: "customer",
      entityId: userId,
      ip: actor.ip,
      before: { card: closed.id, status: "ACTIVE" },
      after: { card: closed.id, status: "BLOCKED", reason: why },
    });
    return viewOf(tx, userId);
  });
}
