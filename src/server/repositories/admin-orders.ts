import type { Prisma } from "@/generated/prisma/client";
import type { OrderStatus, OrderType } from "@/generated/prisma/enums";
import type { Tx } from "../db/transaction";
import { keysetBefore } from "./keyset";

export interface OrderFilter {
  status?: OrderStatus | undefined;
  type?: OrderType | undefined;
  agentId?: string | undefined;
  customerPhone?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/**
 * Operator order search: every filter is optional, results newest first with a keyset
 * cursor, and the page size is capped by the router, so the query stays an index range
 * scan on (created_at) even with millions of orders.
 */
export function searchOrders(
  db: Tx,
  filter: OrderFilter,
  page: { limit: number; before?: { createdAt: Date; id: string } | undefined },
) {
  const where: Prisma.OrderWhereInput = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.type ? { type: filter.type } : {}),
    ...(filter.agentId ? { agentId: filter.agentId } : {}),
    ...(filter.customerPhone ? { customer: { phone: filter.customerPhone } } : {}),
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: filter.from } : {}),
            ...(filter.to ? { lt: filter.to } : {}),
          },
        }
      : {}),
  };
  const cursor: Prisma.OrderWhereInput = page.before
    ? keysetBefore("createdAt", { at: page.before.createdAt, id: page.before.id })
    : {};
  return db.order.findMany({
    where: { AND: [where, cursor] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit,
    include: {
      customer: { select: { phone: true, name: true } },
      agent: { select: { shopName: true } },
    },
  });
}

/** One order with everything an operator needs to understand it. */
export async function orderDossier(db: Tx, orderId: string) {
  const order = await db.order.findUnique({
    where: { id: orderId },
    include: {
      customer: { select: { phone: true, name: true } },
      agent: { select: { shopName: true } },
      events: { orderBy: { id: "asc" } },
      journalEntries: {
        orderBy: { id: "asc" },
        include: {
          postings: {
            orderBy: { id: "asc" },
            include: { account: { select: { kind: true, userId: true } } },
          },
        },
      },
      reversals: { orderBy: { requestedAt: "asc" } },
      hold: true,
    },
  });
  if (!order) return null;
  const audit = await db.auditLog.findMany({
    where: { entityType: "order", entityId: orderId },
    orderBy: { id: "asc" },
  });
  return { order, audit };
}
