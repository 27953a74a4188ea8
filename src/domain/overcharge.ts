import { DomainError } from "./errors";
import type { OrderStatus } from "./order-state";

/** How long after completion a customer may report that the shop asked more than the fee. */
export const OVERCHARGE_WINDOW_DAYS = 7;
/** Reports in one calendar month (Africa/Nairobi) that flag an agent for operators. */
export const OVERCHARGE_FLAG_THRESHOLD = 3;

interface ReportableOrder {
  status: OrderStatus;
  completedAt: Date | null;
  agentId: string | null;
}

function windowEnd(completedAt: Date): Date {
  return new Date(completedAt.getTime() + OVERCHARGE_WINDOW_DAYS * 86_400_000);
}

/** Until when the customer may still report an overcharge on the order, or null. */
export function overchargeReportableUntil(order: ReportableOrder, now: Date): Date | null {
  if (order.status !== "COMPLETED" || !order.completedAt || !order.agentId) return null;
  const end = windowEnd(order.completedAt);
  return end > now ? end : null;
}

/** Like overchargeReportableUntil, but says why not. */
export function requireOverchargeReportable(order: ReportableOrder, now: Date): void {
  if (order.status !== "COMPLETED" || !order.completedAt || !order.agentId) {
    throw new DomainError("CONFLICT", "overchargeNotCompleted");
  }
  if (!overchargeReportableUntil(order, now)) {
    throw new DomainError("CONFLICT", "overchargeWindow", { days: OVERCHARGE_WINDOW_DAYS });
  }
}
