import { randomUUID } from "node:crypto";
import { maskPhone } from "@/domain/codes";
import { DomainError } from "@/domain/errors";
import { overchargeReportableUntil, requireOverchargeReportable } from "@/domain/overcharge";
import { inTransaction, type Tx } from "../db/transaction";
import { appendAudit } from "../repositories/audit";
import {
  insertOverchargeReport,
  type OverchargeReportRow,
  overchargeReportOf,
} from "../repositories/overcharge";
import { type ReceiptSource, receiptSourceOf } from "../repositories/receipts";
import { shopOfUser } from "../repositories/users";
import { signedReceipt } from "../security/receipt-key";
import type { Actor } from "./actor";
import { idempotent } from "./idempotent";

/** The signed receipt of a completed order (src/domain/receipts.ts). */
function receiptOf(o: ReceiptSource): string {
  if (o.status !== "COMPLETED" || !o.completedAt || !o.agentId || o.shopName === null) {
    // Only a completed order has facts worth signing: a receipt is proof it happened.
    throw new DomainError("CONFLICT", "receiptNotReady");
  }
  return signedReceipt({
    orderId: o.id,
    reference: o.reference,
    type: o.type,
    amount: o.amount,
    fee: o.fee,
    currency: o.currency,
    shopName: o.shopName,
    agentId: o.agentId,
    customerPhone: maskPhone(o.customerPhone),
    completedAt: o.completedAt,
  });
}

/** What the customer's receipt section shows: the receipt, and the overcharge report. */
export interface CustomerReceipt {
  receipt: string;
  overcharge: (Pick<OverchargeReportRow, "amountAsked" | "note"> & { reportedAt: Date }) | null;
  /** Until when "Report an overcharge" is offered; null once reported or too late. */
  reportableUntil: Date | null;
}

async function customerReceiptIn(tx: Tx, actor: Actor, orderId: string): Promise<CustomerReceipt> {
  const order = await receiptSourceOf(tx, orderId);
  if (!order || order.customerId !== actor.userId) {
    throw new DomainError("NOT_FOUND", "orderNotFound");
  }
  const receipt = receiptOf(order);
  const report = await overchargeReportOf(tx, order.id);
  return {
    receipt,
    overcharge: report && {
      amountAsked: report.amountAsked,
      note: report.note,
      reportedAt: report.createdAt,
    },
    reportableUntil: report ? null : overchargeReportableUntil(order, new Date()),
  };
}

export function customerReceipt(actor: Actor, orderId: string): Promise<CustomerReceipt> {
  return inTransaction((tx) => customerReceiptIn(tx, actor, orderId));
}

/** The receipt of an order the caller's shop completed; the shop through shopOfUser only. */
export function agentReceipt(actor: Actor, orderId: string): Promise<{ receipt: string }> {
  return inTransaction(async (tx) => {
    const shop = await shopOfUser(tx, actor.userId);
    if (!shop) throw new DomainError("FORBIDDEN", "notAnAgent");
    const order = await receiptSourceOf(tx, orderId);
    if (!order || order.agentId !== shop.id) {
      throw new DomainError("NOT_FOUND", "orderNotForShop");
    }
    return { receipt: receiptOf(order) };
  });
}

/**
 * The customer says the shop asked for more than the official fee on a completed order: one
 * report per order, within OVERCHARGE_WINDOW_DAYS of completion; the agent's third report in
 * a calendar month flags it for operators (repositories/overcharge.ts). No money moves:
 * operators follow up with the shop.
 */
export function reportOvercharge(
  actor: Actor,
  input: {
    orderId: string;
    amountAsked: bigint;
    note?: string | undefined;
    idempotencyKey: string;
  },
): Promise<CustomerReceipt> {
  const { idempotencyKey, ...payload } = input;
  return idempotent(actor, idempotencyKey, "order.overcharge", payload, async (tx) => {
    const order = await receiptSourceOf(tx, input.orderId);
    if (!order || order.customerId !== actor.userId) {
      throw new DomainError("NOT_FOUND", "orderNotFound");
    }
    requireOverchargeReportable(order, new Date());
    const id = randomUUID();
    const recorded = await insertOverchargeReport(tx, {
      id,
      orderId: order.id,
      customerId: actor.userId,
      agentId: order.agentId!,
      currency: order.currency,
      amountAsked: input.amountAsked,
      note: input.note ?? null,
    });
    if (!recorded) throw new DomainError("CONFLICT", "overchargeExists");
    await appendAudit(tx, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: "overcharge.report",
      entityType: "order",
      entityId: order.id,
      ip: actor.ip,
      after: {
        reportId: id,
        agentId: order.agentId,
        amountAsked: input.amountAsked,
        note: input.note ?? null,
        monthReports: recorded.monthReports,
        flagged: recorded.flagged,
      },
    });
    return customerReceiptIn(tx, actor, order.id);
  });
}
