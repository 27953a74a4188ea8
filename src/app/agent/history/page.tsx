import type { Metadata } from "next";
import { HistoryScreen } from "@/components/agent/history-screen";

export const metadata: Metadata = { title: "History · ProxyPay Agent" };

export default function AgentHistoryPage() {
  return <HistoryScreen />;
}
