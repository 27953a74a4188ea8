import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LedgerScreen } from "@/components/admin/ledger/ledger-screen";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("control.titles");
  return { title: t("ledger") };
}

export default function AdminLedgerPage() {
  return <LedgerScreen />;
}
