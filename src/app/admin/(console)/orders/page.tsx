import type { Metadata } from "next";
import { Suspense } from "react";
import { OrdersScreen } from "@/components/admin/orders/orders-screen";

export const metadata: Metadata = { title: "Orders" };

export default function AdminOrdersPage() {
  // The search lives in the address; reading it on the client needs a Suspense boundary.
  return (
    <Suspense>
      <OrdersScreen />
    </Suspense>
  );
}
