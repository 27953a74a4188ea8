"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from "recharts";
import { useCodeNames } from "@/components/ui/labels";
import { StatusBadge } from "@/components/ui/status-badge";
import styles from "../shared/admin.module.css";
import type { StatusCount } from "../shared/report-types";
import r from "../shared/reports.module.css";
import { useAdminFormats } from "../shared/use-admin-formats";
import { useIsClient } from "./use-is-client";

/** In lifecycle order, in the badges' words and tones: green done, amber acting, grey closed. */
const STATUSES: { status: string; colour: string }[] = (
  [
    ["PENDING", "#5c9c92"],
    ["CLAIMED", "#d4922a"],
    ["APPROVED", "#2f8a4f"],
    ["COMPLETED", "#137a3a"],
    ["CANCELLED", "#9aa5a3"],
    ["EXPIRED", "#b4bdbb"],
    ["DECLINED", "#7d8a87"],
    ["REVERSED", "#b42318"],
  ] as const
).map(([status, colour]) => ({ status, colour }));

const ROW_HEIGHT = 40;
// A chart of one or two bars still gets room to read as a chart.
const MIN_HEIGHT = 200;

/** How the last 7 days' orders ended up (or where they wait): a bar per status and a table. */
export function OrdersByStatusChart({ statuses }: { statuses: StatusCount[] }) {
  const t = useTranslations("admin.overview.byStatus");
  const format = useAdminFormats();
  const headingId = useId();
  const isClient = useIsClient();
  const total = statuses.reduce((s, x) => s + x.orders, 0);
  const names = useCodeNames();
  const known = STATUSES.flatMap((s) => {
    const orders = statuses.find((x) => x.status === s.status)?.orders ?? 0;
    return orders > 0 ? [{ ...s, label: names.look("orderStatus", s.status).label, orders }] : [];
  });
  // A status added on the server later still shows, after the known ones.
  const others = statuses
    .filter((x) => x.orders > 0 && !STATUSES.some((s) => s.status === x.status))
    .map((x) => ({
      status: x.status,
      label: names.look("orderStatus", x.status).label,
      colour: "#5b6b68",
      orders: x.orders,
    }));
  const rows = [...known, ...others];
  const chartHeight = Math.max(MIN_HEIGHT, rows.length * ROW_HEIGHT + 40);

  return (
    <section className="card stack" aria-labelledby={headingId} data-testid="orders-by-status">
      <div>
        <h2 id={headingId}>{t("title")}</h2>
        <p className="muted small" style={{ margin: 0 }}>
          {t("intro")}
        </p>
      </div>
      {rows.length === 0 ? (
        <p className={`muted ${r.empty}`}>{t("empty")}</p>
      ) : (
        <div className={r.statusLayout}>
          {isClient ? (
            <div
              role="img"
              aria-label={t("chartLabel")}
              style={{ height: chartHeight, minWidth: 0 }}
            >
              <BarChart
                responsive
                layout="vertical"
                style={{ width: "100%", height: "100%" }}
                data={rows}
                margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
                accessibilityLayer={false}
              >
                <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#d9e2e0" />
                <XAxis
                  type="number"
                  tickFormatter={(value: number) => format.count(value)}
                  allowDecimals={false}
                  stroke="#5b6b68"
                  fontSize={12}
                />
                <YAxis
                  type="category"
                  dataKey="label"
                  width={130}
                  tickLine={false}
                  stroke="#5b6b68"
                  fontSize={12}
                />
                <Tooltip
                  cursor={{ fill: "#e3f1ee" }}
                  formatter={(value) =>
                    typeof value === "number" ? format.count(value) : String(value)
                  }
                />
                <Bar dataKey="orders" name={t("orders")} radius={[0, 4, 4, 0]} maxBarSize={32}>
                  {rows.map((row) => (
                    <Cell key={row.status} fill={row.colour} />
                  ))}
                </Bar>
              </BarChart>
            </div>
          ) : (
            <div className="skeleton" style={{ height: chartHeight }} aria-hidden />
          )}
          <div className={styles.scroll}>
            <table className={`${styles.table} ${r.chartTable}`}>
              <caption className="sr-only">{t("caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("status")}</th>
                  <th scope="col" className={styles.num}>
                    {t("orders")}
                  </th>
                  <th scope="col" className={styles.num}>
                    {t("share")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.status}>
                    <th scope="row">
                      <StatusBadge status={row.status} />
                    </th>
                    <td className={styles.num}>{format.count(row.orders)}</td>
                    <td className={styles.num}>{format.percent(row.orders / total)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t("total")}</th>
                  <td className={styles.num}>{format.count(total)}</td>
                  <td />
                </tr>
              </tfoot>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
