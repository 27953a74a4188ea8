import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AgentGate } from "@/components/agent/agent-gate";
import { ProfileScreen } from "@/components/agent/profile-screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("agent.meta"))("profileTitle") };
}

export default function AgentProfilePage() {
  return (
    <AgentGate>
      <ProfileScreen />
    </AgentGate>
  );
}
