"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
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
  // ?at=<entry id> opens the journal at that entry, as linked from a statement line.
  const at = parseLedgerId(useSearchParams().get("at"));
  const journal = useJournalPages(at === undefined ? undefined : at + 1n);
  const entries = journal.data?.pages.flat() ?? [];

  return (
    <>
      <div>
        <h1>Journal</h1>
        <p className="muted small" style={{ margin: 0 }}>
          Every ledger entry, newest first. An entry&apos;s postings add up to zero; corrections are
          new entries, nothing is ever edited.
        </p>
      </div>
      {at === undefined ? null : (
        <p className="alert ok" role="status" style={{ margin: 0 }}>
          Showing from entry #{String(at)} back.{" "}
          <Link href="/admin/ledger/journal">Show the newest entries</Link>
        </p>
      )}
      <section className="stack" aria-label="Journal entries" data-testid="journal">
        {journal.isPending ? (
          <div className="card">
            <TableSkeleton label="Loading journal entries" rows={5} />
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
            {at === undefined
              ? "No journal entries yet: money moves when an order completes or float is funded."
              : `No entry at #${at} or before it.`}
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
                Load more
              </Button>
            ) : (
              <p className="muted small center" style={{ margin: 0 }}>
                {entries.length === 1 ? "1 entry" : `${entries.length} entries`}: back to the first.
              </p>
            )}
          </>
        )}
      </section>
    </>
  );
}
