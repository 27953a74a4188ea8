"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { ErrorNote } from "@/components/ui/error-note";
import { useTRPC } from "@/lib/trpc";
import styles from "./admin.module.css";
import { AdminShell } from "./admin-shell";
import { LoadFailed, TableSkeleton } from "./load-states";
import { Notice } from "./notice";
import { ReversalRows } from "./reversal-rows";
import type { ReversalStatus } from "./types";
import { oneOf } from "./use-url-filters";

/** The server lists at most this many; the queue of waiting requests is far shorter. */
const LIMIT = 100;

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
  return (
    <AdminShell current="reversals">
      <Reversals />
    </AdminShell>
  );
}

function Reversals() {
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
  const trpc = useTRPC();
  const reversals = useQuery(
    trpc.admin.reversals.queryOptions(
      tab === "ALL" ? { limit: LIMIT } : { status: tab, limit: LIMIT },
    ),
  );

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
  if (reversals.data.length === 0) {
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
        {reversals.data.map((r) => (
          <ReversalRows key={r.id} reversal={r} onDecided={onDecided} />
        ))}
      </table>
      <ErrorNote error={reversals.error} />
      <p className="muted small center">
        {reversals.data.length >= LIMIT
          ? `The latest ${LIMIT} are shown.`
          : `${reversals.data.length === 1 ? "1 reversal" : `${reversals.data.length} reversals`}: that is everything.`}
      </p>
    </div>
  );
}
