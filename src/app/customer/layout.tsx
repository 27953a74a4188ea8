import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AudienceMessages } from "@/components/ui/audience-messages";
import { PwaRegister } from "@/components/ui/pwa-register";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("customer.meta");
  return {
    title: { default: t("wallet"), template: "%s · ProxyPay" }, // i18n-ignore: brand name
    manifest: "/customer/manifest.webmanifest",
    appleWebApp: { capable: true, title: "ProxyPay", statusBarStyle: "default" },
    icons: { icon: "/icons/customer-192.png", apple: "/icons/customer-192.png" },
  };
}

export default function CustomerLayout({ children }: { children: ReactNode }) {
  return (
    <AudienceMessages audience="customer">
      <PwaRegister scope="/customer" />
      {children}
    </AudienceMessages>
  );
}
