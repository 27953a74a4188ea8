import styles from "./admin.module.css";

const LOOK: Record<string, { label: string; className: string }> = {
  REQUESTED: { label: "Waiting for approval", className: styles.badgeSuspended ?? "" },
  APPROVED: { label: "Approved", className: styles.badgeActive ?? "" },
  REJECTED: { label: "Rejected", className: styles.badgeMuted ?? "" },
};

export function ReversalBadge({ status }: { status: string }) {
  const look = LOOK[status];
  return <span className={`badge ${look?.className ?? ""}`}>{look?.label ?? status}</span>;
}
