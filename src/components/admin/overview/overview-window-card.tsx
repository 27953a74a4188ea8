import { Money } from "@/components/ui/money";
import { CodeName } from "@/components/ui/status-badge";
import type { CurrencyCode } from "@/domain/money";
import styles from "../shared/admin.module.css";
import { formatCount, formatDuration, formatRate } from "../shared/report-formats";
import type { OverviewWindow } from "../shared/report-types";
import r from "../shared/reports.module.css";

const ORDER_TYPES = ["CASH_IN", "CASH_OUT"] as const;

/** One window of order figures (today, or the last 7 days): totals, then each order type. */
export function OverviewWindowCard({
  title,
  span,
  figures,
  currency,
  testId,
}: {
  title: string;
  span: string;
  figures: OverviewWindow;
  /** The currency the overview's volumes are in. */
  currency: CurrencyCode;
  testId: string;
}) {
  // Both types always get a row, so the two cards line up even on a day with no cash-outs.
  const rows = ORDER_TYPES.map(
    (type) =>
      figures.byType.find((t) => t.type === type) ?? {
        type,
        orders: 0,
        completed: 0,
        volume: 0n,
        fees: 0n,
        medianScanToCompleteSeconds: null,
      },
  );
  return (
    <section className="card stack" aria-label={title} data-testid={testId}>
      <div className="spread">
        <h2 style={{ margin: 0 }}>{title}</h2>
        <span className="muted small">{span}</span>
      </div>
      <dl className={r.figures}>
        <div className={r.figure}>
          <dt>Orders</dt>
          <dd>{formatCount(figures.orders)}</dd>
        </div>
        <div className={r.figure}>
          <dt>Completed</dt>
          <dd>{formatCount(figures.completed)}</dd>
        </div>
        <div className={r.figure}>
          <dt>Completion rate</dt>
          <dd>{formatRate(figures.completionRate)}</dd>
        </div>
      </dl>
      <div className={styles.scroll}>
        <table className={`${styles.table} ${r.chartTable}`}>
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col" className={styles.num}>
                Orders
              </th>
              <th scope="col" className={styles.num}>
                Completed
              </th>
              <th scope="col" className={styles.num}>
                Volume
              </th>
              <th scope="col" className={styles.num}>
                Fees
              </th>
              <th scope="col" className={styles.num}>
                Median time
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.type}>
                <th scope="row">
                  <CodeName group="orderType" code={row.type} />
                </th>
                <td className={styles.num}>{formatCount(row.orders)}</td>
                <td className={styles.num}>{formatCount(row.completed)}</td>
                <td className={styles.num}>
                  <Money amount={row.volume} currency={currency} />
                </td>
                <td className={styles.num}>
                  <Money amount={row.fees} currency={currency} />
                </td>
                <td className={styles.num}>{formatDuration(row.medianScanToCompleteSeconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small" style={{ margin: 0 }}>
        Volume and fees count completed orders (reversed ones included). Median time runs from the
        agent&apos;s scan to completion.
      </p>
    </section>
  );
}
