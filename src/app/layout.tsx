import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("customer.meta");
  return {
    title: "ProxyPay", // i18n-ignore: brand name
    description: t("description"),
    // The customer and agent apps name their own icons; this one serves the rest (operators).
    icons: { icon: "/icons/customer.svg" },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#0f5e55",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its scripts carry that request's CSP nonce (src/proxy.ts).
  await connection();
  return (
    <html lang={await getLocale()}>
      <body>{children}</body>
    </html>
  );
}
