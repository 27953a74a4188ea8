"use client";

import { PagedTable } from "../shared/data-table";
import { OrderListRows, orderColumns } from "../shared/order-list-table";
import { type OrderSearch, useOrderPages } from "./use-order-pages";

export function OrdersTable({ search, filtered }: { search: OrderSearch; filtered: boolean }) {
  return (
    <PagedTable
      pages={useOrderPages(search)}
      label="Loading orders"
      testId="orders"
      columns={orderColumns(true)}
      empty={
        filtered
          ? "No orders match this search. Widen the dates or clear a filter."
          : "No orders yet. They appear here as soon as a customer creates one."
      }
      noun={["order", "orders"]}
      filtered={filtered}
    >
      {(rows) => <OrderListRows orders={rows} withParties />}
    </PagedTable>
  );
}
