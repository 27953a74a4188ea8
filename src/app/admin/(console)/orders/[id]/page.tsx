import type { Metadata } from "next";
import { OrderDetailScreen } from "@/components/admin/orders/order-detail-screen";

export const metadata: Metadata = { title: "Order" };

export default async function AdminOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <OrderDetailScreen orderId={id} />;
}
