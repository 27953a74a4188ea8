"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Money } from "@/components/ui/money";
import { isLive } from "@/domain/order-state";
import styles from "./customer.module.css";
import type { ActivityItem } from "./types";

/**
 * Someone who left the QR screen (a call came in, the app was closed) gets back to it in one
 * tap instead of hunting through the list while the agent waits.
 */
export function OpenOrderBanner({
  rows,
  renderedAt,
}: {
  rows: ActivityItem[];
  /** When the server rendered the rows: "now" while hydrating, so both agree. */
  renderedAt: number;
}) {
  const t = useTranslations("customer.openOrder");
  const now = useNow(15_000, renderedAt);
  const open = rows.find((r) => isLive(r.status) && r.expiresAt.getTime() > now);
  if (!open) return null;
  return (
    <Link
      href={`/customer/orders/${open.id}`}
      className={`alert warn spread ${styles.banner}`}
      data-testid="open-order"
    >
      <span>
        <strong>{t("title", { type: open.type })}</strong>{" "}
        <Money amount={open.amount} currency={open.currency} />
      </span>
      <strong className={styles.nowrap}>
        {open.status === "PENDING" ? t("showCode") : t("open")}
      </strong>
    </Link>
  );
}

function useNow(everyMs: number, initial: number): number {
  const [now, setNow] = useState(initial);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
