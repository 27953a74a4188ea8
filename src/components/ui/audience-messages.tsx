import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { pickMessages } from "@/i18n/messages";

/** The namespaces each audience's browser code reads: a phone on 3G never loads the console's words. */
const NAMESPACES = {
  customer: ["common", "customer", "errors"],
  agent: ["common", "agent", "errors"],
  admin: ["common", "admin", "control", "errors"],
} as const;

/** Hands one audience's client components their language and words. */
export async function AudienceMessages({
  audience,
  children,
}: {
  audience: keyof typeof NAMESPACES;
  children: ReactNode;
}) {
  const locale = await getLocale();
  return (
    <NextIntlClientProvider locale={locale} messages={pickMessages(locale, NAMESPACES[audience])}>
      {children}
    </NextIntlClientProvider>
  );
}
