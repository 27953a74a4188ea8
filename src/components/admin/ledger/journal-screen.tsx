"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { LoadFailed, TableSkeleton } from "../shared/load-states";
import { parseLedgerId } from "../shared/report-types";
import { JournalEntryCard } from "./journal-entry-card";
import { LedgerNav } from "./ledger-nav";
import { useJournalPages } from "./use-journal-pages";

export function JournalScreen() {
  return (
    <>
      <LedgerNav current="journal" />
      <Journal />
    </>
  );
}

function Journal() {
  const t = useTranslations("control.ledger");
  // ?at=<entry id> opens the journal at that entry, as linked from a statement line.
  const at = parseLedgerId(useSearchParams().get("at"));
  const journal = useJournalPages(at === undefined ? undefined : at + 1n);
  const entries = journal.data?.pages.flat() ?? [];

  return (
    <>
      <div>
        <h1>{t("journal")}</h1>
        <p className="muted small" style={{ margin: 0 }}>
          {t("journalIntro")}
        </p>
      </div>
      {at === undefined ? null : (
        <p className="alert ok" role="status" style={{ margin: 0 }}>
          {t("showingFrom", { id: String(at) })}{" "}
          <Link href="/admin/ledger/journal">{t("showNewest")}</Link>
        </p>
      )}
      <section className="stack" aria-label={t("journalEntries")} data-testid="journal">
        {journal.isPending ? (
          <div className="card">
            <TableSkeleton label={t("loadingJournal")} rows={5} />
          </div>
        ) : !journal.data ? (
          <div className="card">
            <LoadFailed
              error={journal.error}
              busy={journal.isFetching}
              onRetry={() => void journal.refetch()}
            />
          </div>
        ) : entries.length === 0 ? (
          <p className="card muted center" data-testid="journal-empty">
            {at === undefined ? t("noEntries") : t("noEntryAt", { id: String(at) })}
          </p>
        ) : (
          <>
            {entries.map((entry) => (
              <JournalEntryCard key={String(entry.id)} entry={entry} target={entry.id === at} />
            ))}
            <ErrorNote error={journal.error} />
            {journal.hasNextPage ? (
              <Button
                busy={journal.isFetchingNextPage}
                onClick={() => void journal.fetchNextPage()}
              >
                {t("loadMore")}
              </Button>
            ) : (
              <p className="muted small center" style={{ margin: 0 }}>
                {t("allEntries", { count: entries.length })}
              </p>
            )}
          </>
        )}
      </section>
    </>
  );
}
