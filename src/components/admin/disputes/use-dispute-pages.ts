"use client";

import { useTRPCClient } from "@/lib/trpc";
import { afterLast, useKeysetPages } from "../shared/use-keyset-pages";

const PAGE_SIZE = 50;

type Cursor = { openedAt: Date; id: string };

/** Customers' disputes, newest first: the open ones (waiting for operators) or the decided. */
export function useDisputePages(open: boolean) {
  const client = useTRPCClient();
  const input = { open, limit: PAGE_SIZE };
  return useKeysetPages({
    path: ["admin", "disputes"],
    input,
    fetch: (before: Cursor | null, signal) =>
      client.admin.disputes.query(before ? { ...input, before } : input, { signal }),
    next: (rows) => afterLast(rows, PAGE_SIZE, (r): Cursor => ({ openedAt: r.openedAt, id: r.id })),
  });
}
