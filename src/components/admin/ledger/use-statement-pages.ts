"use client";

import { useTRPCClient } from "@/lib/trpc";
import { afterLast, useKeysetPages } from "../shared/use-keyset-pages";

const PAGE_SIZE = 50;

/** One account's postings, newest first, a keyset page at a time (before the last shown). */
export function useStatementPages(accountId: bigint) {
  const client = useTRPCClient();
  const input = { accountId, limit: PAGE_SIZE };
  return useKeysetPages({
    path: ["admin", "statement"],
    input,
    fetch: (beforeId: bigint | null, signal) =>
      client.admin.statement.query(beforeId ? { ...input, beforeId } : input, { signal }),
    next: (page) => afterLast(page.lines, PAGE_SIZE, (line) => line.postingId),
  });
}
