"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { Money } from "@/components/ui/money";
import { StatusBadge, typeLabel } from "@/components/ui/status-badge";
import { isLive } from "@/domain/order-state";
import { useTRPC, useTRPCClient } from "@/lib/trpc";
import styles from "./customer.module.css";
import { type ActivityItem, formatWhen } from "./types";

const PAGE_SIZE = 10;

type Cursor = { createdAt: Date; id: string };

/** The customer's orders, newest first, paged with the server's (createdAt, id) cursor. */
export function useActivity() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  return useInfiniteQuery({
    // Under the procedure's own path key, so invalidating customer.activity refreshes it too.
    queryKey: [...trpc.customer.activity.pathKey(), { type: "infinite", limit: PAGE_SIZE }],
    queryFn: ({ pageParam }) =>
      client.customer.activity.query({
        limit: PAGE_SIZE,
        ...(pageParam ? { before: pageParam } : {}),
      }),
    initialPageParam: null as Cursor | null,
    getNextPageParam: (lastPage): Cursor | null => {
      const last = lastPage.at(-1);
      if (!last || lastPage.length < PAGE_SIZE) return null;
      return { createdAt: last.createdAt, id: last.id };
    },
  });
}

export function ActivityList({ activity }: { activity: ReturnType<typeof useActivity> }) {
  const rows = activity.data?.pages.flat() ?? [];

  return (
    <section className="card stack" aria-labelledby="activity-heading">
      <h2 id="activity-heading" className={styles.heading}>
        Recent activity
      </h2>
      {activity.isPending ? <ActivitySkeleton /> : null}
      <ErrorNote error={activity.error} />
      {activity.isSuccess && rows.length === 0 ? (
        <p className="muted">No orders yet. Tap Cash in or Cash out to start your first one.</p>
      ) : null}
      {rows.length > 0 ? (
        <ul className="list" data-testid="activity">
          {rows.map((row) => (
            <li key={row.id}>
              <ActivityRow row={row} />
            </li>
          ))}
        </ul>
      ) : null}
      {activity.hasNextPage ? (
        <Button busy={activity.isFetchingNextPage} onClick={() => void activity.fetchNextPage()}>
          Load more
        </Button>
      ) : null}
    </section>
  );
}

function ActivityRow({ row }: { row: ActivityItem }) {
  // The server marks an unused code EXPIRED only when someone next looks at that order.
  const status =
    isLive(row.status) && row.expiresAt.getTime() < Date.now() ? "EXPIRED" : row.status;
  return (
    <Link href={`/customer/orders/${row.id}`} className={styles.activityRow}>
      <strong>{typeLabel(row.type)}</strong>
      <Money amount={row.amount} currency={row.currency} />
      <span className="small muted">{row.agentShopName ?? "No agent yet"}</span>
      <span>
        <StatusBadge status={status} />
      </span>
      <span className="small muted">{formatWhen(row.createdAt)}</span>
      <span className="small muted">{row.reference}</span>
    </Link>
  );
}

function ActivitySkeleton() {
  return (
    <ul className="list" aria-busy="true" aria-label="Loading activity">
      {[0, 1, 2].map((i) => (
        <li key={i} className={`stack ${styles.skeletonRow}`}>
          <div className="skeleton" style={{ width: "55%" }} />
          <div className="skeleton" style={{ width: "35%" }} />
        </li>
      ))}
    </ul>
  );
}
