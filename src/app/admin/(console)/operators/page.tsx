import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OperatorsScreen } from "@/components/admin/operators/operators-screen";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("control.titles");
  return { title: t("operators") };
}

export default function AdminOperatorsPage() {
  return <OperatorsScreen />;
}
