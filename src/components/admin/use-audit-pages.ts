"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTRPCClient } from "@/lib/trpc";
import type { AuditEntityType } from "./types";

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
  return useInfiniteQuery({
    // Shaped like tRPC's own key for this procedure, so invalidating trpc.admin refreshes it.
    queryKey: [["admin", "audit"], { input, type: "infinite" }],
    queryFn: ({ pageParam, signal }) =>
      client.admin.audit.query(pageParam ? { ...input, beforeId: pageParam } : input, {
        signal,
      }),
    initialPageParam: null as bigint | null,
    // The log only grows at the top, so "ids below the last one shown" never repeats a row.
    getNextPageParam: (last): bigint | null => {
      const tail = last.at(-1);
      return last.length < PAGE_SIZE || !tail ? null : tail.id;
    },
  });
}
