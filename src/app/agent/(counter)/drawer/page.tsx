import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AgentGate } from "@/components/agent/agent-gate";
import { DrawerScreen } from "@/components/agent/drawer-screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("agent.meta"))("drawerTitle") };
}

export default function AgentDrawerPage() {
  return (
    <AgentGate>
      <DrawerScreen />
    </AgentGate>
  );
}
