"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTRPCClient } from "@/lib/trpc";

const PAGE_SIZE = 50;

/** One account's postings, newest first, a keyset page at a time (before the last shown). */
export function useStatementPages(accountId: bigint) {
  const client = useTRPCClient();
  const input = { accountId, limit: PAGE_SIZE };
  return useInfiniteQuery({
    // Shaped like tRPC's own key for this procedure, so invalidating trpc.admin refreshes it.
    queryKey: [["admin", "statement"], { input, type: "infinite" }],
    queryFn: ({ pageParam, signal }) =>
      client.admin.statement.query(pageParam ? { ...input, beforeId: pageParam } : input, {
        signal,
      }),
    initialPageParam: null as bigint | null,
    getNextPageParam: (last): bigint | null => {
      const tail = last.lines.at(-1);
      return last.lines.length < PAGE_SIZE || !tail ? null : tail.postingId;
    },
  });
}
