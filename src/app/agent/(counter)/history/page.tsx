import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AgentGate } from "@/components/agent/agent-gate";
import { HistoryScreen } from "@/components/agent/history-screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("agent.meta"))("historyTitle") };
}

export default function AgentHistoryPage() {
  return (
    <AgentGate>
      <HistoryScreen />
    </AgentGate>
  );
}
