"use client";

import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPCClient } from "@/lib/trpc";
import { PagedTable } from "../shared/data-table";
import { Notice } from "../shared/notice";
import { type Tab, TabLinks } from "../shared/tab-links";
import { afterLast, useKeysetPages } from "../shared/use-keyset-pages";
import { oneOf } from "../shared/use-url-filters";
import { RebalanceRows, useRebalanceColumns } from "./rebalance-rows";

type View = "waiting" | "decided";

const TABS: Omit<Tab<View>, "label">[] = [
  { value: "waiting", href: "/admin/rebalancing" },
  { value: "decided", href: "/admin/rebalancing?tab=decided" },
];

const PAGE_SIZE = 50;

type Cursor = { requestedAt: Date; id: string };

/** Agents' requests to buy or sell float: the waiting queue is the work, decided the record. */
export function RebalancingScreen() {
  const t = useTranslations("control.rebalancing");
  const params = useSearchParams();
  const tab: View =
    oneOf(
      params.get("tab"),
      TABS.map((t) => t.value),
    ) ?? "waiting";
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
          label: tab.value === "waiting" ? t("tabWaiting") : t("tabDecided"),
        }))}
        current={tab}
        onSelect={() => setDecided(null)}
      />
      {decided ? <Notice onDismiss={() => setDecided(null)}>{decided}</Notice> : null}
      <section className="card">
        <RebalanceTable waiting={tab === "waiting"} onDecided={setDecided} />
      </section>
    </>
  );
}

function RebalanceTable({
  waiting,
  onDecided,
}: {
  waiting: boolean;
  onDecided: (message: string) => void;
}) {
  const t = useTranslations("control.rebalancing");
  const client = useTRPCClient();
  const input = { waiting, limit: PAGE_SIZE };
  const pages = useKeysetPages({
    path: ["admin", "rebalances"],
    input,
    fetch: (before: Cursor | null, signal) =>
      client.admin.rebalances.query(before ? { ...input, before } : input, { signal }),
    next: (rows) =>
      afterLast(rows, PAGE_SIZE, (r): Cursor => ({ requestedAt: r.requestedAt, id: r.id })),
  });
  return (
    <PagedTable
      pages={pages}
      label={t("loading")}
      testId="rebalances"
      columns={useRebalanceColumns()}
      empty={waiting ? t("emptyWaiting") : t("emptyDecided")}
      noun={[t("nounOne"), t("nounMany")]}
    >
      {(rows) => rows.map((r) => <RebalanceRows key={r.id} request={r} onDecided={onDecided} />)}
    </PagedTable>
  );
}
