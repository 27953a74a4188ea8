import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OverviewScreen } from "@/components/admin/overview/overview-screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.meta.pages"))("overview") };
}

export default function AdminOverviewPage() {
  return <OverviewScreen />;
}
