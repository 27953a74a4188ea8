"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTRPCClient } from "@/lib/trpc";

const PAGE_SIZE = 50;

type Cursor = { createdAt: Date; id: string };

/** Customers, newest first (or the one with this phone), one keyset page at a time. */
export function useCustomerPages(phone: string | undefined) {
  const client = useTRPCClient();
  const input = phone ? { phone, limit: PAGE_SIZE } : { limit: PAGE_SIZE };
  return useInfiniteQuery({
    // Shaped like tRPC's own key for this procedure, so invalidating trpc.admin refreshes it.
    queryKey: [["admin", "customers"], { input, type: "infinite" }],
    queryFn: ({ pageParam, signal }) =>
      client.admin.customers.query(pageParam ? { ...input, before: pageParam } : input, {
        signal,
      }),
    initialPageParam: null as Cursor | null,
    // Strictly before the last row shown: sign-ups meanwhile never shift the pages.
    getNextPageParam: (last): Cursor | null => {
      const tail = last.at(-1);
      return last.length < PAGE_SIZE || !tail ? null : { createdAt: tail.createdAt, id: tail.id };
    },
  });
}
