import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { Money } from "@/components/ui/money";
import { CodeName } from "@/components/ui/status-badge";
import { useMoment } from "../audit/use-moment";
import styles from "../shared/admin.module.css";
import type { StatementLine } from "../shared/report-types";
import r from "../shared/reports.module.css";
import { SignedAmount } from "../shared/signed-amount";
import { shortId } from "../shared/types";

export function StatementTable({
  lines,
  currency,
  error,
  hasMore,
  loadingMore,
  onLoadMore,
}: {
  lines: StatementLine[];
  currency: string;
  error: { message: string } | null;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}) {
  const t = useTranslations("control.ledger");
  const { moment } = useMoment();
  if (lines.length === 0) {
    return (
      <p className="muted center" data-testid="statement-empty">
        {t("noPostings")}
      </p>
    );
  }
  return (
    <div className="stack">
      <div className={styles.scroll}>
        <table className={styles.table} data-testid="statement">
          <thead>
            <tr>
              <th scope="col">{t("colTime")}</th>
              <th scope="col">{t("colKind")}</th>
              <th scope="col">{t("colDescription")}</th>
              <th scope="col">{t("colOrder")}</th>
              <th scope="col">{t("colBankRef")}</th>
              <th scope="col" className={styles.num}>
                {t("colAmount")}
              </th>
              <th scope="col" className={styles.num}>
                {t("colBalance")}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={String(line.postingId)} data-testid="statement-line">
                <td className={styles.nowrap}>{moment(line.at)}</td>
                <td>
                  <span className={r.kind}>
                    <CodeName group="entryKind" code={line.kind} />
                  </span>
                  <div className="small">
                    {/* The whole entry (the other side of this posting) is in the journal. */}
                    <Link href={`/admin/ledger/journal?at=${line.entryId}`}>
                      {t("entryLink", { id: String(line.entryId) })}
                    </Link>
                  </div>
                </td>
                <td>{line.description}</td>
                <td>
                  {line.orderId ? (
                    <Link href={`/admin/orders/${line.orderId}`} className={styles.mono}>
                      {line.orderReference ?? shortId(line.orderId)}
                    </Link>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td className={styles.mono}>
                  {line.externalRef ?? <span className="muted">—</span>}
                </td>
                <td className={styles.num}>
                  <SignedAmount amount={line.amount} currency={currency} />
                </td>
                <td className={styles.num}>
                  <Money amount={line.balanceAfter} currency={currency} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* A failed next page keeps the lines already shown. */}
      <ErrorNote error={error} />
      {hasMore ? (
        <Button busy={loadingMore} onClick={onLoadMore}>
          {t("loadMore")}
        </Button>
      ) : (
        <p className="muted small center" style={{ margin: 0 }}>
          {t("allPostings", { count: lines.length })}
        </p>
      )}
    </div>
  );
}
