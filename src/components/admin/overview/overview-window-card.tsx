import { useTranslations } from "next-intl";
import { Money } from "@/components/ui/money";
import { CodeName } from "@/components/ui/status-badge";
import type { CurrencyCode } from "@/domain/money";
import styles from "../shared/admin.module.css";
import type { OverviewWindow } from "../shared/report-types";
import r from "../shared/reports.module.css";
import { useAdminFormats } from "../shared/use-admin-formats";

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
  const t = useTranslations("admin.overview.window");
  const format = useAdminFormats();
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
          <dt>{t("orders")}</dt>
          <dd>{format.count(figures.orders)}</dd>
        </div>
        <div className={r.figure}>
          <dt>{t("completed")}</dt>
          <dd>{format.count(figures.completed)}</dd>
        </div>
        <div className={r.figure}>
          <dt>{t("rate")}</dt>
          <dd>{format.rate(figures.completionRate)}</dd>
        </div>
      </dl>
      <div className={styles.scroll}>
        <table className={`${styles.table} ${r.chartTable}`}>
          <thead>
            <tr>
              <th scope="col">{t("type")}</th>
              <th scope="col" className={styles.num}>
                {t("orders")}
              </th>
              <th scope="col" className={styles.num}>
                {t("completed")}
              </th>
              <th scope="col" className={styles.num}>
                {t("volume")}
              </th>
              <th scope="col" className={styles.num}>
                {t("fees")}
              </th>
              <th scope="col" className={styles.num}>
                {t("median")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.type}>
                <th scope="row">
                  <CodeName group="orderType" code={row.type} />
                </th>
                <td className={styles.num}>{format.count(row.orders)}</td>
                <td className={styles.num}>{format.count(row.completed)}</td>
                <td className={styles.num}>
                  <Money amount={row.volume} currency={currency} />
                </td>
                <td className={styles.num}>
                  <Money amount={row.fees} currency={currency} />
                </td>
                <td className={styles.num}>{format.duration(row.medianScanToCompleteSeconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small" style={{ margin: 0 }}>
        {t("note")}
      </p>
    </section>
  );
}
