import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AgentsScreen } from "@/components/admin/agents/agents-screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.meta.pages"))("agents") };
}

export default function AdminAgentsPage() {
  return <AgentsScreen />;
}
