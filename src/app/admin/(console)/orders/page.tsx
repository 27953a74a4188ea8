import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { OrdersScreen } from "@/components/admin/orders/orders-screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.meta.pages"))("orders") };
}

export default function AdminOrdersPage() {
  // The search lives in the address; reading it on the client needs a Suspense boundary.
  return (
    <Suspense>
      <OrdersScreen />
    </Suspense>
  );
}
