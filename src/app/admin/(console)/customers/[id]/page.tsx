import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CustomerDetailScreen } from "@/components/admin/customers/customer-detail-screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.meta.pages"))("customer") };
}

export default async function AdminCustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <CustomerDetailScreen userId={id} />;
}
