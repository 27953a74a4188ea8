"use client";

import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { PagedTable } from "../shared/data-table";
import { Notice } from "../shared/notice";
import { type Tab, TabLinks } from "../shared/tab-links";
import type { ReversalStatus } from "../shared/types";
import { oneOf } from "../shared/use-url-filters";
import { REVERSAL_COLUMNS, ReversalRows } from "./reversal-rows";
import { useReversalPages } from "./use-reversal-pages";

type View = ReversalStatus | "ALL";

const TABS: Tab<View>[] = [
  { value: "REQUESTED", label: "Waiting for approval", href: "/admin/reversals" },
  { value: "APPROVED", label: "Approved", href: "/admin/reversals?status=APPROVED" },
  { value: "REJECTED", label: "Rejected", href: "/admin/reversals?status=REJECTED" },
  { value: "ALL", label: "All", href: "/admin/reversals?status=ALL" },
];

const EMPTY: Record<View, string> = {
  REQUESTED: "No reversal is waiting for a decision.",
  APPROVED: "No reversal has been approved yet.",
  REJECTED: "No reversal has been rejected yet.",
  ALL: "No reversal has been requested yet. Request one from a completed order's page.",
};

export function ReversalsScreen() {
  const params = useSearchParams();
  // The queue of requests waiting for a second operator is why this page exists.
  const tab: View =
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
      <TabLinks
        label="Which reversals"
        tabs={TABS}
        current={tab}
        onSelect={() => setDecided(null)}
      />
      {decided ? <Notice onDismiss={() => setDecided(null)}>{decided}</Notice> : null}
      <section className="card">
        <ReversalsTable tab={tab} onDecided={setDecided} />
      </section>
    </>
  );
}

function ReversalsTable({ tab, onDecided }: { tab: View; onDecided: (message: string) => void }) {
  return (
    <PagedTable
      pages={useReversalPages(tab === "ALL" ? undefined : tab)}
      label="Loading reversals"
      testId="reversals"
      columns={REVERSAL_COLUMNS}
      empty={EMPTY[tab]}
      noun={["reversal", "reversals"]}
    >
      {(rows) => rows.map((r) => <ReversalRows key={r.id} reversal={r} onDecided={onDecided} />)}
    </PagedTable>
  );
}
