import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AgentGate } from "@/components/agent/agent-gate";
import { RebalanceScreen } from "@/components/agent/rebalance-screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("agent.meta"))("rebalanceTitle") };
}

export default function AgentRebalancePage() {
  return (
    <AgentGate>
      <RebalanceScreen />
    </AgentGate>
  );
}
