"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { Money } from "@/components/ui/money";
import { AccountKindName } from "@/components/ui/status-badge";
import { useTRPC } from "@/lib/trpc";
import styles from "../shared/admin.module.css";
import type { CurrencyBalance } from "../shared/types";

export function TrialBalanceCards() {
  const t = useTranslations("control.ledger");
  const trpc = useTRPC();
  const balances = useQuery(trpc.admin.trialBalance.queryOptions());

  if (balances.isPending) {
    return (
      <section className="card stack" aria-busy aria-label={t("loadingTrialBalance")}>
        <h2>{t("trialBalance")}</h2>
        <div className="skeleton" style={{ height: "10rem" }} />
      </section>
    );
  }
  if (!balances.data) {
    return (
      <section className="card stack">
        <h2>{t("trialBalance")}</h2>
        <ErrorNote error={balances.error} />
        <Button onClick={() => void balances.refetch()}>{t("tryAgain")}</Button>
      </section>
    );
  }
  if (balances.data.length === 0) {
    return (
      <section className="card stack" data-testid="trial-balance">
        <h2>{t("trialBalance")}</h2>
        <p className="muted">{t("noAccounts")}</p>
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
  const t = useTranslations("control.ledger");
  return (
    <section className="card stack" data-testid="trial-balance">
      <div className="spread">
        <h2 style={{ margin: 0 }}>{t("trialBalanceOf", { currency: balance.currency })}</h2>
        <div className="row">
          {balance.balanced ? (
            <span className={`badge ${styles.badgeActive}`}>{t("balanced")}</span>
          ) : (
            <span className={`badge ${styles.badgeError}`}>{t("notBalanced")}</span>
          )}
          <Button className={styles.tableButton} busy={refreshing} onClick={onRefresh}>
            {t("refresh")}
          </Button>
        </div>
      </div>
      {balance.balanced ? null : (
        <p className="alert error" role="alert">
          {t.rich("unbalanced", {
            total: () => <Money amount={balance.total} currency={balance.currency} />,
          })}
        </p>
      )}
      <div className={styles.scroll}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{t("colKind")}</th>
              <th scope="col" className={styles.num}>
                {t("colAccounts")}
              </th>
              <th scope="col" className={styles.num}>
                {t("colBalance")}
              </th>
              <th scope="col" className={styles.num}>
                {t("colOnHold")}
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
              <td>{t("total")}</td>
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
        {t("platformNegative")}
      </p>
    </section>
  );
}
