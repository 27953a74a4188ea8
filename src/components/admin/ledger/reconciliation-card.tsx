"use client";

import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { AccountKindName } from "@/components/ui/status-badge";
import { useTRPCClient } from "@/lib/trpc";
import styles from "../shared/admin.module.css";
import { formatMoment, type Reconciliation } from "../shared/types";

/**
 * Reconciliation reads every posting, so it runs when the operator asks, not on every
 * visit or window focus the way a query would.
 */
export function ReconciliationCard() {
  const client = useTRPCClient();
  const run = useMutation({ mutationFn: () => client.admin.reconcile.query() });

  return (
    <section className="card stack" data-testid="reconciliation">
      <div className="spread">
        <div>
          <h2>Reconciliation</h2>
          <p className="muted small" style={{ margin: 0 }}>
            Compares each account&apos;s cached balance with the sum of its postings.
          </p>
        </div>
        <Button variant="primary" busy={run.isPending} onClick={() => run.mutate()}>
          Run reconciliation
        </Button>
      </div>
      <ErrorNote error={run.error} />
      {run.data ? <Result result={run.data} /> : null}
    </section>
  );
}

function Result({ result }: { result: Reconciliation }) {
  const when = formatMoment(result.checkedAt);
  if (result.differences.length === 0) {
    return (
      <p className="alert ok" role="status">
        Checked {result.checkedAccounts} accounts at {when}: no differences.
      </p>
    );
  }
  return (
    <div className="stack">
      <p className="alert error" role="alert">
        Checked {result.checkedAccounts} accounts at {when}: {result.differences.length}{" "}
        {result.differences.length === 1 ? "account differs" : "accounts differ"} from
        {result.differences.length === 1 ? " its" : " their"} postings.
      </p>
      <div className={styles.scroll}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Kind</th>
              <th scope="col" className={styles.num}>
                Cached (minor units)
              </th>
              <th scope="col" className={styles.num}>
                Postings (minor units)
              </th>
              <th scope="col" className={styles.num}>
                Difference
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

/**
 * The differences carry no currency, so amounts stay in minor units rather than guessing
 * where the decimal point goes.
 */
function minor(amount: bigint): string {
  return amount.toLocaleString("en-KE");
}
