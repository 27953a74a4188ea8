import { DomainError } from "@/domain/errors";
import { inTransaction } from "../db/transaction";
import { appendAudit } from "../repositories/audit";
import {
  customerControls,
  customersPage,
  customerWithWallets,
  latestOrdersOfCustomer,
  setCustomerControls,
} from "../repositories/customers";
import type { Actor } from "./actor";

/** Customers, newest first, optionally one phone number; bounded keyset pages. */
export async function listCustomers(input: {
  phone?: string | undefined;
  limit: number;
  before?: { createdAt: Date; id: string } | undefined;
}) {
  return inTransaction((tx) => customersPage(tx, input));
}

/** KYC tier (limits follow it) and lock / unlock; each change audited with before/after. */
export async function updateCustomer(
  actor: Actor,
  input: { userId: string; kycTier?: number | undefined; locked?: boolean | undefined },
) {
  return inTransaction(async (tx) => {
    const before = await customerControls(tx, input.userId);
    if (before?.role !== "CUSTOMER") throw new DomainError("NOT_FOUND", "noSuchCustomer");
    const data = {
      ...(input.kycTier !== undefined ? { kycTier: input.kycTier } : {}),
      ...(input.locked !== undefined
        ? { status: input.locked ? ("LOCKED" as const) : ("ACTIVE" as const) }
        : {}),
    };
    if (Object.keys(data).length === 0) throw new DomainError("INVALID_INPUT", "nothingToChange");
    const after = await setCustomerControls(tx, input.userId, data);
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action:
        input.kycTier !== undefined
          ? "customer.kyc"
          : after.status === "LOCKED"
            ? "customer.lock"
            : "customer.unlock",
      entityType: "customer",
      entityId: input.userId,
      ip: actor.ip,
      before: { kycTier: before.kycTier, status: before.status },
      after,
    });
    return { userId: input.userId, ...after };
  });
}

/** One customer: profile, wallet, and the latest orders with their status. */
export async function customerDetail(userId: string) {
  const found = await inTransaction(async (tx) => {
    const user = await customerWithWallets(tx, userId);
    if (!user) return null;
    const orders = await latestOrdersOfCustomer(tx, userId, 20);
    return { user, orders };
  });
  if (!found) throw new DomainError("NOT_FOUND", "noSuchCustomer");
  const { role: _customer, ...profile } = found.user;
  return { ...profile, recentOrders: found.orders };
}
