"use client";

import { useTRPCClient } from "@/lib/trpc";
import type { ReversalStatus } from "../shared/types";
import { afterLast, useKeysetPages } from "../shared/use-keyset-pages";

const PAGE_SIZE = 50;

type Cursor = { requestedAt: Date; id: string };

/** Reversal requests, newest first, of one status or all. */
export function useReversalPages(status: ReversalStatus | undefined) {
  const client = useTRPCClient();
  const input = status ? { status, limit: PAGE_SIZE } : { limit: PAGE_SIZE };
  return useKeysetPages({
    path: ["admin", "reversals"],
    input,
    fetch: (before: Cursor | null, signal) =>
      client.admin.reversals.query(before ? { ...input, before } : input, { signal }),
    next: (rows) =>
      afterLast(rows, PAGE_SIZE, (r): Cursor => ({ requestedAt: r.requestedAt, id: r.id })),
  });
}
