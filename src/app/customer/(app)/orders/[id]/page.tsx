import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CustomerGate } from "@/components/customer/customer-gate";
import { OrderScreen } from "@/components/customer/order-screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("customer.meta"))("order") };
}

export default async function CustomerOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <CustomerGate>
      <OrderScreen orderId={id} />
    </CustomerGate>
  );
}
