"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTRPCClient } from "@/lib/trpc";
import type { OrderStatus, OrderType } from "./types";

const PAGE_SIZE = 50;

type Cursor = { createdAt: Date; id: string };

export interface OrderSearch {
  status?: OrderStatus;
  type?: OrderType;
  agentId?: string;
  customerPhone?: string;
  from?: Date;
  to?: Date;
}

/** Orders matching a search, newest first, one keyset page at a time. */
export function useOrderPages(search: OrderSearch) {
  const client = useTRPCClient();
  const input = { ...search, limit: PAGE_SIZE };
  return useInfiniteQuery({
    // Shaped like tRPC's own key for this procedure, so invalidating trpc.admin refreshes it.
    queryKey: [["admin", "orders"], { input, type: "infinite" }],
    queryFn: ({ pageParam, signal }) =>
      client.admin.orders.query(pageParam ? { ...input, before: pageParam } : input, { signal }),
    initialPageParam: null as Cursor | null,
    // Strictly before the last row shown: orders created meanwhile never shift the pages.
    getNextPageParam: (last): Cursor | null => {
      const tail = last.at(-1);
      return last.length < PAGE_SIZE || !tail ? null : { createdAt: tail.createdAt, id: tail.id };
    },
  });
}
