import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SettingsScreen } from "@/components/admin/settings/settings-screen";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("control.titles");
  return { title: t("settings") };
}

export default function AdminSettingsPage() {
  return <SettingsScreen />;
}
