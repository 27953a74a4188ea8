import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AudienceMessages } from "@/components/ui/audience-messages";
import { PwaRegister } from "@/components/ui/pwa-register";

export const metadata: Metadata = {
  title: { default: "ProxyPay Wallet", template: "%s · ProxyPay" },
  manifest: "/customer/manifest.webmanifest",
  appleWebApp: { capable: true, title: "ProxyPay", statusBarStyle: "default" },
  icons: { icon: "/icons/customer-192.png", apple: "/icons/customer-192.png" },
};

export default function CustomerLayout({ children }: { children: ReactNode }) {
  return (
    <AudienceMessages audience="customer">
      <PwaRegister scope="/customer" />
      {children}
    </AudienceMessages>
  );
}
