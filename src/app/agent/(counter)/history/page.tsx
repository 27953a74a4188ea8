import type { Metadata } from "next";
import { AgentGate } from "@/components/agent/agent-gate";
import { HistoryScreen } from "@/components/agent/history-screen";

export const metadata: Metadata = { title: "History · ProxyPay Agent" };

export default function AgentHistoryPage() {
  return (
    <AgentGate>
      <HistoryScreen />
    </AgentGate>
  );
}
