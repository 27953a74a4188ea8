import type { Metadata } from "next";
import { Suspense } from "react";
import { CustomersScreen } from "@/components/admin/customers/customers-screen";

export const metadata: Metadata = { title: "Customers" };

export default function AdminCustomersPage() {
  // The phone searched for lives in the address; reading it on the client needs Suspense.
  return (
    <Suspense>
      <CustomersScreen />
    </Suspense>
  );
}
