"use client";

import { AdminShell } from "./admin-shell";
import { ReconciliationCard } from "./reconciliation-card";
import { TrialBalanceCards } from "./trial-balance-cards";

export function LedgerScreen() {
  return (
    <AdminShell current="ledger">
      <div>
        <h1>Ledger</h1>
        <p className="muted small" style={{ margin: 0 }}>
          Every movement is a double entry, so each currency&apos;s balances add up to zero. The
          reconciliation recomputes every account&apos;s balance from its postings.
        </p>
      </div>
      <TrialBalanceCards />
      <ReconciliationCard />
    </AdminShell>
  );
}
