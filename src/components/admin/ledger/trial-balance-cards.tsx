"use client";

import { useQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { Money } from "@/components/ui/money";
import { AccountKindName } from "@/components/ui/status-badge";
import { useTRPC } from "@/lib/trpc";
import styles from "../shared/admin.module.css";
import type { CurrencyBalance } from "../shared/types";

export function TrialBalanceCards() {
  const trpc = useTRPC();
  const balances = useQuery(trpc.admin.trialBalance.queryOptions());

  if (balances.isPending) {
    return (
      <section className="card stack" aria-busy aria-label="Loading the trial balance">
        <h2>Trial balance</h2>
        <div className="skeleton" style={{ height: "10rem" }} />
      </section>
    );
  }
  if (!balances.data) {
    return (
      <section className="card stack">
        <h2>Trial balance</h2>
        <ErrorNote error={balances.error} />
        <Button onClick={() => void balances.refetch()}>Try again</Button>
      </section>
    );
  }
  if (balances.data.length === 0) {
    return (
      <section className="card stack" data-testid="trial-balance">
        <h2>Trial balance</h2>
        <p className="muted">No accounts yet.</p>
      </section>
    );
  }
  return (
    <div className={styles.cards}>
      {balances.data.map((currency) => (
        <CurrencyCard
          key={currency.currency}
          balance={currency}
          refreshing={balances.isFetching}
          onRefresh={() => void balances.refetch()}
        />
      ))}
    </div>
  );
}

function CurrencyCard({
  balance,
  refreshing,
  onRefresh,
}: {
  balance: CurrencyBalance;
  refreshing: boolean;
  onRefresh: () => void;
}) {
  return (
    <section className="card stack" data-testid="trial-balance">
      <div className="spread">
        <h2 style={{ margin: 0 }}>Trial balance · {balance.currency}</h2>
        <div className="row">
          {balance.balanced ? (
            <span className={`badge ${styles.badgeActive}`}>Balanced</span>
          ) : (
            <span className={`badge ${styles.badgeError}`}>NOT BALANCED</span>
          )}
          <Button className={styles.tableButton} busy={refreshing} onClick={onRefresh}>
            Refresh
          </Button>
        </div>
      </div>
      {balance.balanced ? null : (
        <p className="alert error" role="alert">
          The balances add up to <Money amount={balance.total} currency={balance.currency} />{" "}
          instead of zero: money was created or lost. Stop money movements and investigate.
        </p>
      )}
      <div className={styles.scroll}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col" className={styles.num}>
                Accounts
              </th>
              <th scope="col" className={styles.num}>
                Balance
              </th>
              <th scope="col" className={styles.num}>
                On hold
              </th>
            </tr>
          </thead>
          <tbody>
            {balance.lines.map((line) => (
              <tr key={line.kind}>
                <td>
                  <AccountKindName kind={line.kind} all />
                </td>
                <td className={styles.num}>{line.accounts}</td>
                <td className={styles.num}>
                  <Money amount={line.balance} currency={balance.currency} />
                </td>
                <td className={styles.num}>
                  <Money amount={line.onHold} currency={balance.currency} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td>Total</td>
              <td className={styles.num}>{balance.lines.reduce((n, l) => n + l.accounts, 0)}</td>
              <td className={styles.num}>
                <Money amount={balance.total} currency={balance.currency} />
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="muted small" style={{ margin: 0 }}>
        Platform accounts are negative by design: they are where money enters and leaves.
      </p>
    </section>
  );
}
