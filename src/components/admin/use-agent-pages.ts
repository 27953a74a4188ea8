"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTRPCClient } from "@/lib/trpc";

const PAGE_SIZE = 50;

type Cursor = { createdAt: Date; id: string };

/** The operator's agent list, newest first, one keyset page at a time. */
export function useAgentPages() {
  const client = useTRPCClient();
  return useInfiniteQuery({
    // The key tRPC itself would give this procedure's infinite query, so
    // invalidateQueries(trpc.admin.agents.pathFilter()) after any change refreshes it.
    queryKey: [["admin", "agents"], { input: { limit: PAGE_SIZE }, type: "infinite" }],
    queryFn: ({ pageParam, signal }) =>
      client.admin.agents.query(
        pageParam ? { limit: PAGE_SIZE, before: pageParam } : { limit: PAGE_SIZE },
        { signal },
      ),
    initialPageParam: null as Cursor | null,
    // The next page starts strictly before the last row shown, so an agent onboarded
    // meanwhile never shifts or repeats rows the operator already sees.
    getNextPageParam: (last): Cursor | null => {
      const tail = last.at(-1);
      return last.length < PAGE_SIZE || !tail ? null : { createdAt: tail.createdAt, id: tail.id };
    },
  });
}
