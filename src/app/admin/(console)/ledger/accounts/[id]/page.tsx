import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AccountStatementScreen } from "@/components/admin/ledger/account-statement-screen";
import { parseLedgerId } from "@/components/admin/shared/report-types";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("control.titles");
  return { title: t("statement") };
}

export default async function AdminAccountStatementPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  // An address that cannot be an account id is a missing page, not a failed query.
  if (parseLedgerId(id) === undefined) notFound();
  return <AccountStatementScreen accountId={id} />;
}
