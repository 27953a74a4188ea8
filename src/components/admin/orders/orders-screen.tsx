"use client";

import { useTranslations } from "next-intl";
import { endOfDay, startOfDay } from "../shared/types";
import { useRefreshAdmin } from "../shared/use-refresh-admin";
import { normalisePhone, oneOf, useUrlFilters } from "../shared/use-url-filters";
import {
  ORDER_STATUSES,
  ORDER_TYPES,
  OrderFilterForm,
  type OrderFilterValues,
} from "./order-filter-form";
import { OrdersTable } from "./orders-table";
import type { OrderSearch } from "./use-order-pages";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function OrdersScreen() {
  const t = useTranslations("admin.orders");
  const refresh = useRefreshAdmin();
  const { params, apply, key } = useUrlFilters(refresh);
  const values: OrderFilterValues = {
    status:
      oneOf(
        params.get("status"),
        ORDER_STATUSES.map((s) => s.value),
      ) ?? "",
    type:
      oneOf(
        params.get("type"),
        ORDER_TYPES.map((t) => t.value),
      ) ?? "",
    agentId: UUID.test(params.get("agent") ?? "") ? (params.get("agent") ?? "") : "",
    phone: normalisePhone(params.get("phone") ?? "") ?? "",
    from: startOfDay(params.get("from") ?? "") ? (params.get("from") ?? "") : "",
    to: startOfDay(params.get("to") ?? "") ? (params.get("to") ?? "") : "",
  };
  const search = toSearch(values);

  return (
    <>
      <div>
        <h1>{t("title")}</h1>
        <p className="muted small" style={{ margin: 0 }}>
          {t("intro")}
        </p>
      </div>
      <section className="card">
        {/* Keyed by the address: going back to an earlier search shows that search's fields. */}
        <OrderFilterForm
          key={key}
          initial={values}
          onSearch={(v) =>
            apply({
              status: v.status,
              type: v.type,
              agent: v.agentId,
              phone: v.phone,
              from: v.from,
              to: v.to,
            })
          }
          onClear={() => apply({})}
        />
      </section>
      <section className="card">
        <OrdersTable search={search} filtered={Object.keys(search).length > 0} />
      </section>
    </>
  );
}

function toSearch(v: OrderFilterValues): OrderSearch {
  const status = oneOf(
    v.status,
    ORDER_STATUSES.map((s) => s.value),
  );
  const type = oneOf(
    v.type,
    ORDER_TYPES.map((t) => t.value),
  );
  const from = startOfDay(v.from);
  const to = endOfDay(v.to);
  return {
    ...(status ? { status } : {}),
    ...(type ? { type } : {}),
    ...(v.agentId ? { agentId: v.agentId } : {}),
    ...(v.phone ? { customerPhone: v.phone } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}
