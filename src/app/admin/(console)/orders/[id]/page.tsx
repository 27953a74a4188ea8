import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OrderDetailScreen } from "@/components/admin/orders/order-detail-screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.meta.pages"))("order") };
}

export default async function AdminOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <OrderDetailScreen orderId={id} />;
}
