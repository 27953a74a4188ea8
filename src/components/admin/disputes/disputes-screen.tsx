"use client";

import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { PagedTable } from "../shared/data-table";
import { Notice } from "../shared/notice";
import { type Tab, TabLinks } from "../shared/tab-links";
import { oneOf } from "../shared/use-url-filters";
import { DisputeRows, useDisputeColumns } from "./dispute-rows";
import { useDisputePages } from "./use-dispute-pages";

type View = "open" | "decided";

const TABS: Omit<Tab<View>, "label">[] = [
  { value: "open", href: "/admin/disputes" },
  { value: "decided", href: "/admin/disputes?tab=decided" },
];

export function DisputesScreen() {
  const t = useTranslations("control.disputes");
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
        <h1>{t("title")}</h1>
        <p className="muted small" style={{ margin: 0 }}>
          {t("intro")}
        </p>
      </div>
      <TabLinks
        label={t("tabsLabel")}
        tabs={TABS.map((tab) => ({
          ...tab,
          label: tab.value === "open" ? t("tabOpen") : t("tabDecided"),
        }))}
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
  const t = useTranslations("control.disputes");
  return (
    <PagedTable
      pages={useDisputePages(tab === "open")}
      label={t("loading")}
      testId="disputes"
      columns={useDisputeColumns()}
      empty={tab === "open" ? t("emptyOpen") : t("emptyDecided")}
      noun={[t("nounOne"), t("nounMany")]}
    >
      {(rows) => rows.map((d) => <DisputeRows key={d.id} dispute={d} onDecided={onDecided} />)}
    </PagedTable>
  );
}
