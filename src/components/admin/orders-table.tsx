"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { Money } from "@/components/ui/money";
import { StatusBadge, typeLabel } from "@/components/ui/status-badge";
import styles from "./admin.module.css";
import { LoadFailed, TableSkeleton } from "./load-states";
import { formatMoment } from "./types";
import { type OrderSearch, useOrderPages } from "./use-order-pages";

export function OrdersTable({ search, filtered }: { search: OrderSearch; filtered: boolean }) {
  const orders = useOrderPages(search);
  const rows = orders.data?.pages.flat() ?? [];

  if (orders.isPending) return <TableSkeleton label="Loading orders" />;
  if (!orders.data) {
    return (
      <LoadFailed
        error={orders.error}
        busy={orders.isFetching}
        onRetry={() => void orders.refetch()}
      />
    );
  }
  if (rows.length === 0) {
    return (
      <p className="muted center" data-testid="orders-empty">
        {filtered
          ? "No orders match this search. Widen the dates or clear a filter."
          : "No orders yet. They appear here as soon as a customer creates one."}
      </p>
    );
  }
  return (
    <div className="stack">
      <table className={styles.table} data-testid="orders-table">
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Type</th>
            <th scope="col">Status</th>
            <th scope="col" className={styles.num}>
              Amount
            </th>
            <th scope="col" className={styles.num}>
              Fee
            </th>
            <th scope="col">Customer</th>
            <th scope="col">Agent</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((order) => (
            <tr key={order.id} className={styles.rowLink} data-testid="order-row">
              <td>
                <Link
                  href={`/admin/orders/${order.id}`}
                  className={`${styles.mono} ${styles.cover}`}
                >
                  {order.reference}
                </Link>
              </td>
              <td className={styles.nowrap}>{typeLabel(order.type)}</td>
              <td>
                <StatusBadge status={order.status} />
              </td>
              <td className={styles.num}>
                <Money amount={order.amount} currency={order.currency} />
              </td>
              <td className={styles.num}>
                <Money amount={order.fee} currency={order.currency} />
              </td>
              <td>
                {order.customerName}
                <div className={`muted small ${styles.nowrap}`}>{order.customerPhone}</div>
              </td>
              <td>{order.agentShopName ?? <span className="muted">None yet</span>}</td>
              <td className={styles.nowrap}>{formatMoment(order.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorNote error={orders.error} />
      {orders.hasNextPage ? (
        <Button busy={orders.isFetchingNextPage} onClick={() => void orders.fetchNextPage()}>
          Load more
        </Button>
      ) : (
        <p className="muted small center">
          {rows.length === 1 ? "1 order" : `${rows.length} orders`}: that is everything
          {filtered ? " matching this search" : ""}.
        </p>
      )}
    </div>
  );
}
