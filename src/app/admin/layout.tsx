import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Providers } from "@/app/providers";
import { AudienceMessages } from "@/components/ui/audience-messages";
import { PwaRegister } from "@/components/ui/pwa-register";
import { SessionProvider } from "@/components/ui/session";
import { getSession } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.meta");
  return {
    title: { default: t("app"), template: t("template", { page: "%s" }) },
    description: t("description"),
    // Operator pages are for staff only; nothing here belongs in a search index.
    robots: { index: false, follow: false },
  };
}

/**
 * The dashboard's screens call the API from the browser (React Query, tRPC) and read the
 * operator's session, which the server hands them here. Sign-in and sign-out load a page
 * afresh, so this layout always renders with the current session.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <AudienceMessages audience="admin">
      <SessionProvider session={await getSession()}>
        {/* No install prompt (no manifest): the worker only keeps the console's scripts and
          answers a lost connection with the offline page instead of the browser's error. */}
        <PwaRegister scope="/admin" />
        <Providers>{children}</Providers>
      </SessionProvider>
    </AudienceMessages>
  );
}
