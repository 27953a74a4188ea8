"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Suspense } from "react";
import { TableSkeleton } from "../shared/load-states";
import { AccountFinder } from "./account-finder";
import { ReconciliationCard } from "./reconciliation-card";
import { TrialBalanceCards } from "./trial-balance-cards";

export function LedgerScreen() {
  const t = useTranslations("control.ledger");
  return (
    <>
      <div className="spread">
        <div>
          <h1>{t("title")}</h1>
          <p className="muted small" style={{ margin: 0 }}>
            {t("intro")}
          </p>
        </div>
        <Link href="/admin/ledger/journal" className="button">
          {t("journalLink")}
        </Link>
      </div>
      <TrialBalanceCards />
      {/* The finder's search lives in the address, which the client reads under Suspense. */}
      <Suspense
        fallback={
          <section className="card">
            <TableSkeleton label={t("loadingAccounts")} rows={3} />
          </section>
        }
      >
        <AccountFinder />
      </Suspense>
      <ReconciliationCard />
    </>
  );
}
