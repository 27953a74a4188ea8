"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { Money } from "@/components/ui/money";
import { CodeName, StatusBadge } from "@/components/ui/status-badge";
import { useHydrated } from "@/components/ui/use-hydrated";
import { isLive } from "@/domain/order-state";
import styles from "./customer.module.css";
import { type ActivityItem, useFormatWhen } from "./types";

/**
 * The customer's orders, newest first: the first page comes with the page (rendered on the
 * server), further pages are asked for with the server's (createdAt, id) cursor. The API
 * client for those loads with the first "Load more", so the wallet's first load stays small.
 */
export function ActivityList({
  firstPage,
  pageSize,
  renderedAt,
}: {
  firstPage: ActivityItem[];
  pageSize: number;
  /** When the server rendered the first page (ms since epoch): "now" until hydrated. */
  renderedAt: number;
}) {
  const t = useTranslations("customer.activity");
  const hydrated = useHydrated();
  const now = hydrated ? Date.now() : renderedAt;
  const [more, setMore] = useState<ActivityItem[]>([]);
  const [hasMore, setHasMore] = useState(firstPage.length === pageSize);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<{ message: string } | null>(null);
  const rows = [...firstPage, ...more];

  async function loadMore() {
    const last = rows.at(-1);
    if (!last) return;
    setLoading(true);
    setError(null);
    try {
      const { trpcClient } = await import("@/lib/trpc-vanilla");
      const page = await trpcClient.customer.activity.query({
        limit: pageSize,
        before: { createdAt: last.createdAt, id: last.id },
      });
      setMore((shown) => [...shown, ...page]);
      setHasMore(page.length === pageSize);
    } catch (caught) {
      setError(caught instanceof Error ? caught : { message: t("unreachable") });
    } finally {
      setLoading(false);
    }
  }

  return (
    <section className="card stack" aria-labelledby="activity-heading">
      <h2 id="activity-heading" className={styles.heading}>
        {t("heading")}
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <ul className="list" data-testid="activity">
          {rows.map((row) => (
            <li key={row.id}>
              <ActivityRow row={row} now={now} deviceZone={hydrated} />
            </li>
          ))}
        </ul>
      )}
      <ErrorNote error={error} />
      {hasMore ? (
        <Button busy={loading} onClick={() => void loadMore()}>
          {t("loadMore")}
        </Button>
      ) : null}
    </section>
  );
}

function ActivityRow({
  row,
  now,
  deviceZone,
}: {
  row: ActivityItem;
  now: number;
  deviceZone: boolean;
}) {
  const t = useTranslations("customer.activity");
  const formatWhen = useFormatWhen();
  // The server marks an unused code EXPIRED only when someone next looks at that order.
  const status = isLive(row.status) && row.expiresAt.getTime() < now ? "EXPIRED" : row.status;
  return (
    <Link href={`/customer/orders/${row.id}`} className={styles.activityRow}>
      <strong>
        <CodeName group="orderType" code={row.type} />
      </strong>
      <Money amount={row.amount} currency={row.currency} />
      <span className="small muted">{row.agentShopName ?? t("noAgent")}</span>
      <span>
        <StatusBadge status={status} closeReason={row.closeReason} />
      </span>
      {/* The server's ICU may space a time differently from the browser's: text only. */}
      <span className="small muted" suppressHydrationWarning>
        {formatWhen(row.createdAt, { deviceZone })}
      </span>
      <span className="small muted">{row.reference}</span>
    </Link>
  );
}
