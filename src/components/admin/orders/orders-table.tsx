"use client";

import { useTranslations } from "next-intl";
import { PagedTable } from "../shared/data-table";
import { OrderListRows, useOrderColumns } from "../shared/order-list-table";
import { type OrderSearch, useOrderPages } from "./use-order-pages";

export function OrdersTable({ search, filtered }: { search: OrderSearch; filtered: boolean }) {
  const t = useTranslations("admin.orders.list");
  return (
    <PagedTable
      pages={useOrderPages(search)}
      label={t("loading")}
      testId="orders"
      columns={useOrderColumns(true)}
      empty={filtered ? t("emptyFiltered") : t("empty")}
      noun={(count) => t("count", { count })}
      filtered={filtered}
    >
      {(rows) => <OrderListRows orders={rows} withParties />}
    </PagedTable>
  );
}
