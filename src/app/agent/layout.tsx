import type { Metadata, Viewport } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AudienceMessages } from "@/components/ui/audience-messages";
import { PwaRegister } from "@/components/ui/pwa-register";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agent.meta");
  return {
    title: t("title"),
    description: t("description"),
    manifest: "/agent/manifest.webmanifest",
    icons: { icon: "/icons/agent.svg", apple: "/icons/agent-192.png" },
    // i18n-ignore: the installed app's short brand name under its icon
    appleWebApp: { capable: true, title: "PP Agent", statusBarStyle: "default" },
  };
}

export const viewport: Viewport = {
  themeColor: "#0a453e",
};

export default function AgentLayout({ children }: { children: ReactNode }) {
  return (
    <AudienceMessages audience="agent">
      <PwaRegister scope="/agent" />
      {children}
    </AudienceMessages>
  );
}
