"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import styles from "../shared/admin.module.css";
import { LoadFailed, TableSkeleton } from "../shared/load-states";
import { Notice } from "../shared/notice";
import { PagesFooter } from "../shared/pages-footer";
import type { ReversalStatus } from "../shared/types";
import { oneOf } from "../shared/use-url-filters";
import { ReversalRows } from "./reversal-rows";
import { useReversalPages } from "./use-reversal-pages";

type Tab = ReversalStatus | "ALL";

const TABS: { value: Tab; label: string }[] = [
  { value: "REQUESTED", label: "Waiting for approval" },
  { value: "APPROVED", label: "Approved" },
  { value: "REJECTED", label: "Rejected" },
  { value: "ALL", label: "All" },
];

const EMPTY: Record<Tab, string> = {
  REQUESTED: "No reversal is waiting for a decision.",
  APPROVED: "No reversal has been approved yet.",
  REJECTED: "No reversal has been rejected yet.",
  ALL: "No reversal has been requested yet. Request one from a completed order's page.",
};

export function ReversalsScreen() {
  const params = useSearchParams();
  // The queue of requests waiting for a second operator is why this page exists.
  const tab: Tab =
    oneOf(
      params.get("status"),
      TABS.map((t) => t.value),
    ) ?? "REQUESTED";
  const [decided, setDecided] = useState<string | null>(null);

  return (
    <>
      <div>
        <h1>Reversals</h1>
        <p className="muted small" style={{ margin: 0 }}>
          Undoing a completed order takes two operators: one requests it from the order&apos;s page,
          another approves or rejects it here. Approval posts opposite ledger entries.
        </p>
      </div>
      {/* Links, not buttons: each tab is an address the operator can reload or share. */}
      <nav className={styles.tabs} aria-label="Which reversals">
        {TABS.map((t) => (
          <Link
            key={t.value}
            href={
              t.value === "REQUESTED" ? "/admin/reversals" : `/admin/reversals?status=${t.value}`
            }
            className={`button ${styles.tableButton}`}
            aria-current={t.value === tab ? "page" : undefined}
            onClick={() => setDecided(null)}
          >
            {t.label}
          </Link>
        ))}
      </nav>
      {decided ? <Notice onDismiss={() => setDecided(null)}>{decided}</Notice> : null}
      <section className="card">
        <ReversalsTable tab={tab} onDecided={setDecided} />
      </section>
    </>
  );
}

function ReversalsTable({ tab, onDecided }: { tab: Tab; onDecided: (message: string) => void }) {
  const reversals = useReversalPages(tab === "ALL" ? undefined : tab);
  const rows = reversals.data?.pages.flat() ?? [];

  if (reversals.isPending) return <TableSkeleton label="Loading reversals" />;
  if (!reversals.data) {
    return (
      <LoadFailed
        error={reversals.error}
        busy={reversals.isFetching}
        onRetry={() => void reversals.refetch()}
      />
    );
  }
  if (rows.length === 0) {
    return (
      <p className="muted center" data-testid="reversals-empty">
        {EMPTY[tab]}
      </p>
    );
  }
  return (
    <div className="stack">
      <table className={styles.table} data-testid="reversals-table">
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col" className={styles.num}>
              Amount
            </th>
            <th scope="col">Order status</th>
            <th scope="col">Reason</th>
            <th scope="col">Requested</th>
            <th scope="col">Decision</th>
            <th scope="col" className={styles.num}>
              Actions
            </th>
          </tr>
        </thead>
        {rows.map((r) => (
          <ReversalRows key={r.id} reversal={r} onDecided={onDecided} />
        ))}
      </table>
      <PagesFooter pages={reversals} count={rows.length} noun={["reversal", "reversals"]} />
    </div>
  );
}
