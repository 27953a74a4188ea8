import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AgentGate } from "@/components/agent/agent-gate";
import { StaffScreen } from "@/components/agent/staff-screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("agent.meta"))("staffTitle") };
}

export default function AgentStaffPage() {
  return (
    <AgentGate>
      <StaffScreen />
    </AgentGate>
  );
}
