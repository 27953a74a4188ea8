"use client";

import { LoadFailed, TableSkeleton } from "../shared/load-states";
import { OrderListTable } from "../shared/order-list-table";
import { PagesFooter } from "../shared/pages-footer";
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
      <OrderListTable orders={rows} withParties testId="orders-table" />
      <PagesFooter
        pages={orders}
        count={rows.length}
        noun={["order", "orders"]}
        filtered={filtered}
      />
    </div>
  );
}
