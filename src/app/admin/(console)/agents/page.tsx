import type { Metadata } from "next";
import { AgentsScreen } from "@/components/admin/agents/agents-screen";

export const metadata: Metadata = { title: "Agents" };

export default function AdminAgentsPage() {
  return <AgentsScreen />;
}
