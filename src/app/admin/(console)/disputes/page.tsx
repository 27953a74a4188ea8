import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { DisputesScreen } from "@/components/admin/disputes/disputes-screen";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("control.titles");
  return { title: t("disputes") };
}

export default function AdminDisputesPage() {
  // The chosen tab lives in the address; reading it on the client needs a Suspense boundary.
  return (
    <Suspense>
      <DisputesScreen />
    </Suspense>
  );
}
