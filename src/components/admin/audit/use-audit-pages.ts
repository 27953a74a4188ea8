"use client";

import { useTRPCClient } from "@/lib/trpc";
import type { AuditEntityType } from "../shared/types";
import { afterLast, useKeysetPages } from "../shared/use-keyset-pages";

const PAGE_SIZE = 50;

export interface AuditSearch {
  action?: string;
  entityType?: AuditEntityType;
  entityId?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
}

/** Audit rows matching a search, newest first, one keyset page (by id) at a time. */
export function useAuditPages(search: AuditSearch) {
  const client = useTRPCClient();
  const input = { ...search, limit: PAGE_SIZE };
  return useKeysetPages({
    path: ["admin", "audit"],
    input,
    fetch: (beforeId: bigint | null, signal) =>
      client.admin.audit.query(beforeId ? { ...input, beforeId } : input, { signal }),
    // The log only grows at the top, so "ids below the last one shown" never repeats a row.
    next: (rows) => afterLast(rows, PAGE_SIZE, (row) => row.id),
  });
}
