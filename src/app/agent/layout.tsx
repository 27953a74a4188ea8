import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { AudienceMessages } from "@/components/ui/audience-messages";
import { PwaRegister } from "@/components/ui/pwa-register";

export const metadata: Metadata = {
  title: "ProxyPay Agent",
  description: "Serve cash-in and cash-out customers at your shop",
  manifest: "/agent/manifest.webmanifest",
  icons: { icon: "/icons/agent.svg", apple: "/icons/agent-192.png" },
  appleWebApp: { capable: true, title: "PP Agent", statusBarStyle: "default" },
};

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
