"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "@/lib/trpc";

/** After any operator change: the agent list and the trial balance both moved. */
export function useRefreshAdmin(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.admin.agents.pathFilter()),
      queryClient.invalidateQueries(trpc.admin.trialBalance.pathFilter()),
    ]);
  }, [trpc, queryClient]);
}
