"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { AccountKindName } from "@/components/ui/status-badge";
import { useTRPCClient } from "@/lib/trpc";
import { useMoment } from "../audit/use-moment";
import styles from "../shared/admin.module.css";
import type { Reconciliation } from "../shared/types";

/**
 * Reconciliation reads every posting, so it runs when the operator asks, not on every
 * visit or window focus the way a query would.
 */
export function ReconciliationCard() {
  const t = useTranslations("control.ledger");
  const client = useTRPCClient();
  const run = useMutation({ mutationFn: () => client.admin.reconcile.query() });

  return (
    <section className="card stack" data-testid="reconciliation">
      <div className="spread">
        <div>
          <h2>{t("reconciliation")}</h2>
          <p className="muted small" style={{ margin: 0 }}>
            {t("reconciliationIntro")}
          </p>
        </div>
        <Button variant="primary" busy={run.isPending} onClick={() => run.mutate()}>
          {t("runReconciliation")}
        </Button>
      </div>
      <ErrorNote error={run.error} />
      {run.data ? <Result result={run.data} /> : null}
    </section>
  );
}

function Result({ result }: { result: Reconciliation }) {
  const t = useTranslations("control.ledger");
  const { moment, integer } = useMoment();
  const when = moment(result.checkedAt);
  // Differences carry no currency, so amounts stay in minor units rather than guessing
  // where the decimal point goes.
  const minor = integer;
  if (result.differences.length === 0) {
    return (
      <p className="alert ok" role="status">
        {t("reconciledOk", { checked: result.checkedAccounts, when })}
      </p>
    );
  }
  return (
    <div className="stack">
      <p className="alert error" role="alert">
        {t("reconciledDiff", {
          checked: result.checkedAccounts,
          when,
          count: result.differences.length,
        })}
      </p>
      <div className={styles.scroll}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{t("colAccount")}</th>
              <th scope="col">{t("colKind")}</th>
              <th scope="col" className={styles.num}>
                {t("colCached")}
              </th>
              <th scope="col" className={styles.num}>
                {t("colFromPostings")}
              </th>
              <th scope="col" className={styles.num}>
                {t("colDifference")}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.differences.map((d) => (
              <tr key={String(d.accountId)}>
                <td className={styles.mono}>{String(d.accountId)}</td>
                <td>
                  <AccountKindName kind={d.kind} />
                </td>
                <td className={`${styles.num} amount`}>{minor(d.cached)}</td>
                <td className={`${styles.num} amount`}>{minor(d.fromPostings)}</td>
                <td className={`${styles.num} amount`}>{minor(d.cached - d.fromPostings)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
