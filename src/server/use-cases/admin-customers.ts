import { DomainError } from "@/domain/errors";
import { inTransaction } from "../db/transaction";
import { appendAudit } from "../repositories/audit";
import type { Actor } from "./actor";

/** Customers, newest first, optionally one phone number; bounded keyset pages. */
export async function listCustomers(input: {
  phone?: string | undefined;
  limit: number;
  before?: { createdAt: Date; id: string } | undefined;
}) {
  const rows = await inTransaction((tx) =>
    tx.user.findMany({
      where: {
        role: "CUSTOMER",
        ...(input.phone ? { phone: input.phone } : {}),
        ...(input.before
          ? {
              OR: [
                { createdAt: { lt: input.before.createdAt } },
                { createdAt: input.before.createdAt, id: { lt: input.before.id } },
              ],
            }
          : {}),
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: input.limit,
      select: {
        id: true,
        name: true,
        phone: true,
        status: true,
        kycTier: true,
        createdAt: true,
        accounts: {
          where: { kind: "WALLET" },
          select: { currency: true, balance: true, onHold: true },
        },
      },
    }),
  );
  return rows;
}

/** KYC tier (limits follow it) and lock / unlock; each change audited with before/after. */
export async function updateCustomer(
  actor: Actor,
  input: { userId: string; kycTier?: number | undefined; locked?: boolean | undefined },
) {
  return inTransaction(async (tx) => {
    const before = await tx.user.findUnique({
      where: { id: input.userId },
      select: { role: true, kycTier: true, status: true },
    });
    if (before?.role !== "CUSTOMER") throw new DomainError("NOT_FOUND", "No such customer");
    const data = {
      ...(input.kycTier !== undefined ? { kycTier: input.kycTier } : {}),
      ...(input.locked !== undefined
        ? { status: input.locked ? ("LOCKED" as const) : ("ACTIVE" as const) }
        : {}),
    };
    if (Object.keys(data).length === 0) throw new DomainError("INVALID_INPUT", "Nothing to change");
    const after = await tx.user.update({
      where: { id: input.userId },
      data,
      select: { kycTier: true, status: true },
    });
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
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: {
        id: true,
        role: true,
        name: true,
        phone: true,
        status: true,
        kycTier: true,
        createdAt: true,
        accounts: {
          where: { kind: "WALLET" },
          select: { id: true, currency: true, balance: true, onHold: true },
        },
      },
    });
    if (user?.role !== "CUSTOMER") return null;
    const orders = await tx.order.findMany({
      where: { customerId: userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 20,
      select: {
        id: true,
        reference: true,
        type: true,
        status: true,
        currency: true,
        amount: true,
        fee: true,
        createdAt: true,
      },
    });
    return { user, orders };
  });
  if (!found) throw new DomainError("NOT_FOUND", "No such customer");
  const { role: _customer, ...profile } = found.user;
  return { ...profile, recentOrders: found.orders };
}
