"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTRPCClient } from "@/lib/trpc";

const PAGE_SIZE = 25;

/**
 * Journal entries, newest first, a keyset page at a time. `startBefore` opens the journal
 * at an older point (an entry linked from a statement) instead of at the newest entry.
 */
export function useJournalPages(startBefore: bigint | undefined) {
  const client = useTRPCClient();
  const input = { limit: PAGE_SIZE };
  return useInfiniteQuery({
    queryKey: [["admin", "journal"], { input: { ...input, startBefore }, type: "infinite" }],
    queryFn: ({ pageParam, signal }) =>
      client.admin.journal.query(pageParam ? { ...input, beforeId: pageParam } : input, {
        signal,
      }),
    initialPageParam: startBefore ?? null,
    getNextPageParam: (last): bigint | null => {
      const tail = last.at(-1);
      return last.length < PAGE_SIZE || !tail ? null : tail.id;
    },
  });
}
