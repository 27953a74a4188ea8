/** The words every screen uses for order statuses. */
export const STATUS_LABELS: Record<string, string> = {
  PENDING: "Waiting for agent",
  CLAIMED: "Agent scanned",
  APPROVED: "Approved",
  COMPLETED: "Completed",
  CANCELLED: "Cancelled",
  EXPIRED: "Expired",
  DECLINED: "Declined",
  REVERSED: "Reversed",
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge ${status}`}>{STATUS_LABELS[status] ?? status}</span>;
}

export function typeLabel(type: string): string {
  return type === "CASH_IN" ? "Cash-in" : "Cash-out";
}
