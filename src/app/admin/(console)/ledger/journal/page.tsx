import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { JournalScreen } from "@/components/admin/ledger/journal-screen";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("control.titles");
  return { title: t("journal") };
}

export default function AdminJournalPage() {
  // ?at= lives in the address; reading it on the client needs a Suspense boundary.
  return (
    <Suspense>
      <JournalScreen />
    </Suspense>
  );
}
