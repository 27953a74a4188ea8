"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import styles from "../shared/admin.module.css";
import { LoadFailed, TableSkeleton } from "../shared/load-states";
import { Notice } from "../shared/notice";
import { PagesFooter } from "../shared/pages-footer";
import { oneOf } from "../shared/use-url-filters";
import { DisputeRows } from "./dispute-rows";
import { useDisputePages } from "./use-dispute-pages";

type Tab = "open" | "decided";

const TABS: { value: Tab; label: string }[] = [
  { value: "open", label: "Open" },
  { value: "decided", label: "Decided" },
];

const EMPTY: Record<Tab, string> = {
  open: "No open disputes. Customers' reports appear here.",
  decided: "No dispute has been decided yet.",
};

export function DisputesScreen() {
  const params = useSearchParams();
  // The open queue is the work; decided disputes are the record.
  const tab: Tab =
    oneOf(
      params.get("tab"),
      TABS.map((t) => t.value),
    ) ?? "open";
  const [decided, setDecided] = useState<string | null>(null);

  return (
    <>
      <div>
        <h1>Disputes</h1>
        <p className="muted small" style={{ margin: 0 }}>
          A customer reports cash that crossed the counter without the order giving its value. The
          amount stays held on the shop&apos;s float until an operator decides. Rejecting takes one
          operator; upholding moves money, so one operator asks and a second confirms.
        </p>
      </div>
      {/* Links, not buttons: each tab is an address the operator can reload or share. */}
      <nav className={styles.tabs} aria-label="Which disputes">
        {TABS.map((t) => (
          <Link
            key={t.value}
            href={t.value === "open" ? "/admin/disputes" : `/admin/disputes?tab=${t.value}`}
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
        <DisputesTable tab={tab} onDecided={setDecided} />
      </section>
    </>
  );
}

function DisputesTable({ tab, onDecided }: { tab: Tab; onDecided: (message: string) => void }) {
  const disputes = useDisputePages(tab === "open");
  const rows = disputes.data?.pages.flat() ?? [];

  if (disputes.isPending) return <TableSkeleton label="Loading disputes" />;
  if (!disputes.data) {
    return (
      <LoadFailed
        error={disputes.error}
        busy={disputes.isFetching}
        onRetry={() => void disputes.refetch()}
      />
    );
  }
  if (rows.length === 0) {
    return (
      <p className="muted center" data-testid="disputes-empty">
        {EMPTY[tab]}
      </p>
    );
  }
  return (
    <div className="stack">
      <table className={styles.table} data-testid="disputes-table">
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Problem</th>
            <th scope="col">Customer</th>
            <th scope="col">Shop</th>
            <th scope="col" className={styles.num}>
              Amount
            </th>
            <th scope="col">Status</th>
            <th scope="col" className={styles.num}>
              Decision
            </th>
          </tr>
        </thead>
        {rows.map((d) => (
          <DisputeRows key={d.id} dispute={d} onDecided={onDecided} />
        ))}
      </table>
      <PagesFooter pages={disputes} count={rows.length} noun={["dispute", "disputes"]} />
    </div>
  );
}
