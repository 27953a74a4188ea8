"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import styles from "./admin.module.css";

/**
 * Approve and Reject for a second operator's decision. Both are disabled while either is
 * sent (a decision is final); the one pressed shows it is busy.
 */
export function DecisionButtons({
  pending,
  onDecide,
  approveLabel,
  end = false,
}: {
  /** The decision being sent: true for approve, false for reject, null when none is. */
  pending: boolean | null;
  onDecide: (approve: boolean) => void;
  approveLabel?: string;
  /** Right-aligned, under a note field in a stacked decision cell. */
  end?: boolean;
}) {
  const t = useTranslations("admin.shared.decision");
  return (
    <div className="row" style={{ gap: "0.4rem", ...(end ? { justifyContent: "flex-end" } : {}) }}>
      <Button
        variant="primary"
        className={styles.tableButton}
        busy={pending === true}
        disabled={pending !== null}
        onClick={() => onDecide(true)}
      >
        {approveLabel ?? t("approve")}
      </Button>
      <Button
        className={styles.tableButton}
        busy={pending === false}
        disabled={pending !== null}
        onClick={() => onDecide(false)}
      >
        {t("reject")}
      </Button>
    </div>
  );
}
