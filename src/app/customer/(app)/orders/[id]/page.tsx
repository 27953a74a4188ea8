import type { Metadata } from "next";
import { CustomerGate } from "@/components/customer/customer-gate";
import { OrderScreen } from "@/components/customer/order-screen";

export const metadata: Metadata = { title: "Your order" };

export default async function CustomerOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <CustomerGate>
      <OrderScreen orderId={id} />
    </CustomerGate>
  );
}
