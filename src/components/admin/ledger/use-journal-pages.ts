"use client";

import { useTRPCClient } from "@/lib/trpc";
import { afterLast, useKeysetPages } from "../shared/use-keyset-pages";

const PAGE_SIZE = 25;

/**
 * Journal entries, newest first, a keyset page at a time. `startBefore` opens the journal
 * at an older point (an entry linked from a statement) instead of at the newest entry.
 */
export function useJournalPages(startBefore: bigint | undefined) {
  const client = useTRPCClient();
  const input = { limit: PAGE_SIZE };
  return useKeysetPages({
    path: ["admin", "journal"],
    input,
    fetch: (beforeId: bigint | null, signal) =>
      client.admin.journal.query(beforeId ? { ...input, beforeId } : input, { signal }),
    next: (rows) => afterLast(rows, PAGE_SIZE, (row) => row.id),
    start: startBefore ?? null,
  });
}
