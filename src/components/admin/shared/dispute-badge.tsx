import styles from "./admin.module.css";

const LOOK: Record<string, { label: string; className: string }> = {
  OPEN: { label: "Open", className: styles.badgeSuspended ?? "" },
  UPHOLD_REQUESTED: { label: "Uphold requested", className: styles.badgeSuspended ?? "" },
  UPHELD: { label: "Upheld", className: styles.badgeActive ?? "" },
  REJECTED: { label: "Rejected", className: styles.badgeMuted ?? "" },
};

export function DisputeBadge({ status }: { status: string }) {
  const look = LOOK[status];
  return <span className={`badge ${look?.className ?? ""}`}>{look?.label ?? status}</span>;
}
