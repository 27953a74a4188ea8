"use client";

import { useTRPCClient } from "@/lib/trpc";
import type { OrderStatus, OrderType } from "../shared/types";
import { afterLast, type TimeCursor, timeCursor, useKeysetPages } from "../shared/use-keyset-pages";

const PAGE_SIZE = 50;

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
  return useKeysetPages({
    path: ["admin", "orders"],
    input,
    fetch: (before: TimeCursor | null, signal) =>
      client.admin.orders.query(before ? { ...input, before } : input, { signal }),
    next: (rows) => afterLast(rows, PAGE_SIZE, timeCursor),
  });
}
