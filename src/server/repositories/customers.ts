import type { Tx } from "../db/transaction";
import { keysetBefore } from "./keyset";
import { ORDER_HEADLINE } from "./orders";

/** What operators see of a customer in a list and on the customer's page. */
const CUSTOMER_FIELDS = {
  id: true,
  name: true,
  phone: true,
  status: true,
  kycTier: true,
  createdAt: true,
} as const;

/** Customers, newest first, optionally one phone number; keyset pages on (created_at, id). */
export function customersPage(
  db: Tx,
  q: {
    phone?: string | undefined;
    limit: number;
    before?: { createdAt: Date; id: string } | undefined;
  },
) {
  return db.user.findMany({
    where: {
      role: "CUSTOMER",
      ...(q.phone ? { phone: q.phone } : {}),
      ...(q.before ? keysetBefore("createdAt", { at: q.before.createdAt, id: q.before.id }) : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit,
    select: {
      ...CUSTOMER_FIELDS,
      accounts: {
        where: { kind: "WALLET" },
        select: { currency: true, balance: true, onHold: true },
      },
    },
  });
}

/** What an operator may change on a customer, as it is now. */
export function customerControls(db: Tx, userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: { role: true, kycTier: true, status: true },
  });
}

export function setCustomerControls(
  db: Tx,
  userId: string,
  data: { kycTier?: number; status?: "ACTIVE" | "LOCKED" },
) {
  return db.user.update({ where: { id: userId }, data, select: { kycTier: true, status: true } });
}

/** A customer's profile and wallets (null when the user is not a customer). */
export async function customerWithWallets(db: Tx, userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      ...CUSTOMER_FIELDS,
      role: true,
      accounts: {
        where: { kind: "WALLET" },
        select: { id: true, currency: true, balance: true, onHold: true },
      },
    },
  });
  return user?.role === "CUSTOMER" ? user : null;
}

/** The customer's latest orders, newest first. */
export function latestOrdersOfCustomer(db: Tx, customerId: string, limit: number) {
  return db.order.findMany({
    where: { customerId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { ...ORDER_HEADLINE, createdAt: true },
  });
}
