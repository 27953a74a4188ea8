"use client";

import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { PagedTable } from "../shared/data-table";
import { Notice } from "../shared/notice";
import { type Tab, TabLinks } from "../shared/tab-links";
import { oneOf } from "../shared/use-url-filters";
import { DISPUTE_COLUMNS, DisputeRows } from "./dispute-rows";
import { useDisputePages } from "./use-dispute-pages";

type View = "open" | "decided";

const TABS: Tab<View>[] = [
  { value: "open", label: "Open", href: "/admin/disputes" },
  { value: "decided", label: "Decided", href: "/admin/disputes?tab=decided" },
];

const EMPTY: Record<View, string> = {
  open: "No open disputes. Customers' reports appear here.",
  decided: "No dispute has been decided yet.",
};

export function DisputesScreen() {
  const params = useSearchParams();
  // The open queue is the work; decided disputes are the record.
  const tab: View =
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
      <TabLinks
        label="Which disputes"
        tabs={TABS}
        current={tab}
        onSelect={() => setDecided(null)}
      />
      {decided ? <Notice onDismiss={() => setDecided(null)}>{decided}</Notice> : null}
      <section className="card">
        <DisputesTable tab={tab} onDecided={setDecided} />
      </section>
    </>
  );
}

function DisputesTable({ tab, onDecided }: { tab: View; onDecided: (message: string) => void }) {
  return (
    <PagedTable
      pages={useDisputePages(tab === "open")}
      label="Loading disputes"
      testId="disputes"
      columns={DISPUTE_COLUMNS}
      empty={EMPTY[tab]}
      noun={["dispute", "disputes"]}
    >
      {(rows) => rows.map((d) => <DisputeRows key={d.id} dispute={d} onDecided={onDecided} />)}
    </PagedTable>
  );
}
