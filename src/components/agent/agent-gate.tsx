import type { ReactNode } from "react";
import { ServerRoleGate } from "@/components/ui/server-role-gate";

/** The counter screen is for the shop's agent account only (decided on the server). */
export function AgentGate({ children }: { children: ReactNode }) {
  return (
    <ServerRoleGate
      allow="AGENT"
      loginPath="/agent/login"
      appName="the agent app"
      rightAccount="your shop's agent account"
    >
      {children}
    </ServerRoleGate>
  );
}
