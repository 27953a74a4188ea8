"use client";

import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { PagedTable } from "../shared/data-table";
import { Notice } from "../shared/notice";
import { type Tab, TabLinks } from "../shared/tab-links";
import type { ReversalStatus } from "../shared/types";
import { oneOf } from "../shared/use-url-filters";
import { ReversalRows, useReversalColumns } from "./reversal-rows";
import { useReversalPages } from "./use-reversal-pages";

type View = ReversalStatus | "ALL";

/** Each tab's words are control.reversals.tab<Key> and its empty list's empty<Key>. */
const TABS: (Omit<Tab<View>, "label"> & { key: "Requested" | "Approved" | "Rejected" | "All" })[] =
  [
    { value: "REQUESTED", key: "Requested", href: "/admin/reversals" },
    { value: "APPROVED", key: "Approved", href: "/admin/reversals?status=APPROVED" },
    { value: "REJECTED", key: "Rejected", href: "/admin/reversals?status=REJECTED" },
    { value: "ALL", key: "All", href: "/admin/reversals?status=ALL" },
  ];

export function ReversalsScreen() {
  const t = useTranslations("control.reversals");
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
        <h1>{t("title")}</h1>
        <p className="muted small" style={{ margin: 0 }}>
          {t("intro")}
        </p>
      </div>
      <TabLinks
        label={t("tabsLabel")}
        tabs={TABS.map(({ key, ...tab }) => ({ ...tab, label: t(`tab${key}`) }))}
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
  const t = useTranslations("control.reversals");
  const key = TABS.find((each) => each.value === tab)?.key ?? "All";
  return (
    <PagedTable
      pages={useReversalPages(tab === "ALL" ? undefined : tab)}
      label={t("loading")}
      testId="reversals"
      columns={useReversalColumns()}
      empty={t(`empty${key}`)}
      noun={[t("nounOne"), t("nounMany")]}
    >
      {(rows) => rows.map((r) => <ReversalRows key={r.id} reversal={r} onDecided={onDecided} />)}
    </PagedTable>
  );
}
