"use client";

import { useTRPCClient } from "@/lib/trpc";
import { afterLast, type TimeCursor, timeCursor, useKeysetPages } from "../shared/use-keyset-pages";

const PAGE_SIZE = 50;

/** Customers, newest first (or the one with this phone). */
export function useCustomerPages(phone: string | undefined) {
  const client = useTRPCClient();
  const input = phone ? { phone, limit: PAGE_SIZE } : { limit: PAGE_SIZE };
  return useKeysetPages({
    path: ["admin", "customers"],
    input,
    fetch: (before: TimeCursor | null, signal) =>
      client.admin.customers.query(before ? { ...input, before } : input, { signal }),
    next: (rows) => afterLast(rows, PAGE_SIZE, timeCursor),
  });
}
