"use client";

import Link from "next/link";
import { Suspense } from "react";
import { TableSkeleton } from "../shared/load-states";
import { AccountFinder } from "./account-finder";
import { ReconciliationCard } from "./reconciliation-card";
import { TrialBalanceCards } from "./trial-balance-cards";

export function LedgerScreen() {
  return (
    <>
      <div className="spread">
        <div>
          <h1>Ledger</h1>
          <p className="muted small" style={{ margin: 0 }}>
            Every movement is a double entry, so each currency&apos;s balances add up to zero. The
            reconciliation recomputes every account&apos;s balance from its postings.
          </p>
        </div>
        <Link href="/admin/ledger/journal" className="button">
          Journal
        </Link>
      </div>
      <TrialBalanceCards />
      {/* The finder's search lives in the address, which the client reads under Suspense. */}
      <Suspense
        fallback={
          <section className="card">
            <TableSkeleton label="Loading accounts" rows={3} />
          </section>
        }
      >
        <AccountFinder />
      </Suspense>
      <ReconciliationCard />
    </>
  );
}
