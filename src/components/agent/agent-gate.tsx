import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ServerRoleGate } from "@/components/ui/server-role-gate";

/** The counter screen is for the shop's agent account and its assistants (decided on the server). */
export async function AgentGate({ children }: { children: ReactNode }) {
  const t = await getTranslations("agent.gate");
  return (
    <ServerRoleGate
      allow="AGENT"
      alsoAllow={["ASSISTANT"]}
      loginPath="/agent/login"
      appName={t("appName")}
      rightAccount={t("rightAccount")}
    >
      {children}
    </ServerRoleGate>
  );
}
