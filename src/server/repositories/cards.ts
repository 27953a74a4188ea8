import type { CardStatus } from "@/domain/cards";
import type { Tx } from "../db/transaction";

const CARD_FIELDS = {
  id: true,
  userId: true,
  status: true,
  createdAt: true,
  closedAt: true,
  blockReason: true,
} as const;

export interface CardRow {
  id: string;
  userId: string;
  status: CardStatus;
  createdAt: Date;
  closedAt: Date | null;
  blockReason: string | null;
}

const asRow = <T extends { status: string }>(c: T) => ({ ...c, status: c.status as CardStatus });

/** The customer's cards, newest first (the active one, if any, then closed ones). */
export async function cardsOfUser(db: Tx, userId: string, take = 5): Promise<CardRow[]> {
  const rows = await db.customerCard.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: CARD_FIELDS,
  });
  return rows.map(asRow);
}

/** The card a scanned secret belongs to, with its holder as they are now. */
export async function cardBySecretHash(db: Tx, secretHash: string) {
  const card = await db.customerCard.findUnique({
    where: { secretHash },
    select: {
      ...CARD_FIELDS,
      user: {
        select: {
          id: true,
          name: true,
          phone: true,
          role: true,
          status: true,
          pinHash: true,
          locale: true,
        },
      },
    },
  });
  return card ? asRow(card) : null;
}

export async function insertCard(
  db: Tx,
  card: { id: string; userId: string; secretHash: string },
): Promise<CardRow> {
  return asRow(await db.customerCard.create({ data: card, select: CARD_FIELDS }));
}

/**
 * Closes the user's active card (blocked or replaced), guarded on it still being active:
 * returns the closed card, or null when there was none (two operators blocking at once:
 * one closes it, the other is told it was already closed).
 */
export async function closeActiveCard(
  db: Tx,
  userId: string,
  close: { status: "BLOCKED" | "REPLACED"; closedBy: string; reason: string | null },
): Promise<CardRow | null> {
  const active = await db.customerCard.findFirst({
    where: { userId, status: "ACTIVE" },
    select: { id: true },
  });
  if (!active) return null;
  const { count } = await db.customerCard.updateMany({
    where: { id: active.id, status: "ACTIVE" },
    data: {
      status: close.status,
      closedAt: new Date(),
      closedById: close.closedBy,
      blockReason: close.reason,
    },
  });
  if (count === 0) return null;
  return asRow(
    await db.customerCard.findUniqueOrThrow({ where: { id: active.id }, select: CARD_FIELDS }),
  );
}

/** The customer's name and phone for printing, or null when the user is not a customer. */
export async function cardHolder(db: Tx, userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, phone: true, role: true, status: true },
  });
  return user?.role === "CUSTOMER" ? user : null;
}
