"use client";

import { useId } from "react";
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from "recharts";
import { StatusBadge } from "@/components/ui/status-badge";
import styles from "./admin.module.css";
import { formatCount } from "./report-formats";
import type { StatusCount } from "./report-types";
import r from "./reports.module.css";
import { useIsClient } from "./use-is-client";

/**
 * In lifecycle order, in the words the status badges use (the badge module keeps its labels
 * private, so the chart's axis repeats them); green done, amber waiting, grey closed.
 */
const STATUSES: { status: string; label: string; colour: string }[] = [
  { status: "PENDING", label: "Waiting for agent", colour: "#5c9c92" },
  { status: "CLAIMED", label: "Agent scanned", colour: "#d4922a" },
  { status: "APPROVED", label: "Approved", colour: "#b7791f" },
  { status: "COMPLETED", label: "Completed", colour: "#137a3a" },
  { status: "CANCELLED", label: "Cancelled", colour: "#9aa5a3" },
  { status: "EXPIRED", label: "Expired", colour: "#b4bdbb" },
  { status: "DECLINED", label: "Declined", colour: "#7d8a87" },
  { status: "REVERSED", label: "Reversed", colour: "#b42318" },
];

const ROW_HEIGHT = 40;
// A chart of one or two bars still gets room to read as a chart.
const MIN_HEIGHT = 200;

/** How the last 7 days' orders ended up (or where they wait): a bar per status and a table. */
export function OrdersByStatusChart({ statuses }: { statuses: StatusCount[] }) {
  const headingId = useId();
  const isClient = useIsClient();
  const total = statuses.reduce((s, x) => s + x.orders, 0);
  const known = STATUSES.flatMap((s) => {
    const orders = statuses.find((x) => x.status === s.status)?.orders ?? 0;
    return orders > 0 ? [{ ...s, orders }] : [];
  });
  // A status added on the server later still shows, after the known ones.
  const others = statuses
    .filter((x) => x.orders > 0 && !STATUSES.some((s) => s.status === x.status))
    .map((x) => ({ status: x.status, label: x.status, colour: "#5b6b68", orders: x.orders }));
  const rows = [...known, ...others];
  const chartHeight = Math.max(MIN_HEIGHT, rows.length * ROW_HEIGHT + 40);

  return (
    <section className="card stack" aria-labelledby={headingId} data-testid="orders-by-status">
      <div>
        <h2 id={headingId}>Orders by status</h2>
        <p className="muted small" style={{ margin: 0 }}>
          Orders created in the last 7 days, by where they are now.
        </p>
      </div>
      {rows.length === 0 ? (
        <p className={`muted ${r.empty}`}>No orders in the last 7 days.</p>
      ) : (
        <div className={r.statusLayout}>
          {isClient ? (
            <div
              role="img"
              aria-label="Bar chart of orders by status; the table beside it lists the same figures"
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
                <XAxis type="number" allowDecimals={false} stroke="#5b6b68" fontSize={12} />
                <YAxis
                  type="category"
                  dataKey="label"
                  width={130}
                  tickLine={false}
                  stroke="#5b6b68"
                  fontSize={12}
                />
                <Tooltip cursor={{ fill: "#e3f1ee" }} />
                <Bar dataKey="orders" name="Orders" radius={[0, 4, 4, 0]} maxBarSize={32}>
                  {rows.map((row) => (
                    <Cell key={row.status} fill={row.colour} />
                  ))}
                </Bar>
              </BarChart>
            </div>
          ) : (
            <div className="skeleton" style={{ height: chartHeight }} aria-hidden />
          )}
          <table className={`${styles.table} ${r.chartTable}`}>
            <caption className={r.srOnly}>Orders in the last 7 days by status</caption>
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col" className={styles.num}>
                  Orders
                </th>
                <th scope="col" className={styles.num}>
                  Share
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.status}>
                  <th scope="row">
                    <StatusBadge status={row.status} />
                  </th>
                  <td className={styles.num}>{formatCount(row.orders)}</td>
                  <td className={styles.num}>{Math.round((row.orders / total) * 100)}%</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td className={styles.num}>{formatCount(total)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
