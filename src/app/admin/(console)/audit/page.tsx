import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { AuditScreen } from "@/components/admin/audit/audit-screen";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("control.titles");
  return { title: t("audit") };
}

export default function AdminAuditPage() {
  // The search lives in the address; reading it on the client needs a Suspense boundary.
  return (
    <Suspense>
      <AuditScreen />
    </Suspense>
  );
}
