"use client";

import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { ErrorNote } from "@/components/ui/error-note";
import styles from "../shared/admin.module.css";
import { LoadFailed, TableSkeleton } from "../shared/load-states";
import { LedgerNav } from "./ledger-nav";
import { StatementAccountCard } from "./statement-account-card";
import { StatementTable } from "./statement-table";
import { useStatementPages } from "./use-statement-pages";

export function AccountStatementScreen({ accountId }: { accountId: string }) {
  return (
    <>
      <LedgerNav current="statement" />
      <AccountStatement accountId={BigInt(accountId)} />
    </>
  );
}

function AccountStatement({ accountId }: { accountId: bigint }) {
  const t = useTranslations("control.ledger");
  const statement = useStatementPages(accountId);

  if (statement.isPending) {
    return (
      <div className="stack" role="status" aria-busy aria-label={t("loadingStatement")}>
        <div className="skeleton" style={{ height: "9rem" }} />
        <section className="card">
          <TableSkeleton label={t("loadingPostings")} rows={6} />
        </section>
      </div>
    );
  }
  if (!statement.data) {
    return (
      <section className="card stack">
        <h1>
          {t.rich("accountHeading", {
            id: String(accountId),
            mono: (chunks) => <span className={styles.mono}>{chunks}</span>,
          })}
        </h1>
        {isNotFound(statement.error) ? (
          // Asking again will not make the account exist; finding the right one might.
          <>
            <ErrorNote error={statement.error} />
            <p style={{ margin: 0 }}>
              <Link href="/admin/ledger#accounts-title">{t("findOnLedger")}</Link>
            </p>
          </>
        ) : (
          <LoadFailed
            error={statement.error}
            busy={statement.isFetching}
            onRetry={() => void statement.refetch()}
          />
        )}
      </section>
    );
  }
  const pages = statement.data.pages;
  // Every page repeats the account; the first page is the newest read of its balance.
  const account = pages[0]?.account;
  if (!account) return null;
  return (
    <>
      <StatementAccountCard account={account} />
      <section className="card stack" aria-labelledby="statement-title">
        <div>
          <h2 id="statement-title">{t("statement")}</h2>
          <p className="muted small" style={{ margin: 0 }}>
            {t("statementIntro")}
          </p>
        </div>
        <StatementTable
          lines={pages.flatMap((p) => p.lines)}
          currency={account.currency}
          error={statement.error}
          hasMore={statement.hasNextPage}
          loadingMore={statement.isFetchingNextPage}
          onLoadMore={() => void statement.fetchNextPage()}
        />
      </section>
    </>
  );
}

function isNotFound(error: unknown): boolean {
  return error instanceof TRPCClientError && error.data?.code === "NOT_FOUND";
}
