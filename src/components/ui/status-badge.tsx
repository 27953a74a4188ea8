import { rejectedByCustomer } from "@/domain/close-reasons";
import { CUSTOMER_REJECTED, type Look, labelOf, lookOf, ORDER_STATUS, ORDER_TYPE } from "./labels";

/** The words and tone of an order's status; the close reason tells a customer's reject apart. */
export function orderStatusLook(status: string, closeReason: string | null = null): Look {
  return rejectedByCustomer(status, closeReason) ? CUSTOMER_REJECTED : lookOf(ORDER_STATUS, status);
}

/** A status pill, coloured by what the status means (labels.ts, Tone), not by which it is. */
export function Badge({ look }: { look: Look }) {
  return <span className={`badge tone-${look.tone}`}>{look.label}</span>;
}

export function StatusBadge({
  status,
  closeReason = null,
}: {
  status: string;
  closeReason?: string | null;
}) {
  return <Badge look={orderStatusLook(status, closeReason)} />;
}

export function typeLabel(type: string): string {
  return labelOf(ORDER_TYPE, type);
}
