"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "@/lib/trpc";

/**
 * After any operator change. One change moves several screens at once (a reversal moves
 * the order, its customer's wallet, the agent's float, the trial balance and the audit
 * log), so every operator query is marked stale; only the ones on screen refetch now.
 */
export function useRefreshAdmin(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await queryClient.invalidateQueries(trpc.admin.pathFilter());
  }, [trpc, queryClient]);
}
