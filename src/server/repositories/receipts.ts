import type { OrderStatus } from "@/domain/order-state";
import type { OrderType } from "@/domain/pricing";
import type { Tx } from "../db/transaction";

/** What a receipt says of an order, and who may have it (its customer, its shop). */
export interface ReceiptSource {
  id: string;
  reference: string;
  type: OrderType;
  status: OrderStatus;
  currency: string;
  amount: bigint;
  fee: bigint;
  customerId: string;
  agentId: string | null;
  completedAt: Date | null;
  shopName: string | null;
  customerPhone: string;
}

export async function receiptSourceOf(db: Tx, orderId: string): Promise<ReceiptSource | null> {
  const o = await db.order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      reference: true,
      type: true,
      status: true,
      currency: true,
      amount: true,
      fee: true,
      customerId: true,
      agentId: true,
      completedAt: true,
      agent: { select: { shopName: true } },
      customer: { select: { phone: true } },
    },
  });
  if (!o) return null;
  const { agent, customer, ...order } = o;
  return { ...order, shopName: agent?.shopName ?? null, customerPhone: customer.phone };
}
