"use client";

import type { ReactNode } from "react";
import { RoleGate } from "@/components/ui/role-gate";

/** The counter screen is for the shop's agent account only. */
export function AgentGate({ children }: { children: ReactNode }) {
  return (
    <RoleGate
      allow="AGENT"
      loginPath="/agent/login"
      appName="the agent app"
      rightAccount="your shop's agent account"
    >
      {children}
    </RoleGate>
  );
}
