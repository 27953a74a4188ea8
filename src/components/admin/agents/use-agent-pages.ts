"use client";

import { useTRPCClient } from "@/lib/trpc";
import { afterLast, type TimeCursor, timeCursor, useKeysetPages } from "../shared/use-keyset-pages";

const PAGE_SIZE = 50;

/** The operator's agent list, newest first. */
export function useAgentPages() {
  const client = useTRPCClient();
  const input = { limit: PAGE_SIZE };
  return useKeysetPages({
    path: ["admin", "agents"],
    input,
    fetch: (before: TimeCursor | null, signal) =>
      client.admin.agents.query(before ? { ...input, before } : input, { signal }),
    next: (rows) => afterLast(rows, PAGE_SIZE, timeCursor),
  });
}
