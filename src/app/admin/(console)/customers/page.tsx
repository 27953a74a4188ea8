import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { CustomersScreen } from "@/components/admin/customers/customers-screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.meta.pages"))("customers") };
}

export default function AdminCustomersPage() {
  // The phone searched for lives in the address; reading it on the client needs Suspense.
  return (
    <Suspense>
      <CustomersScreen />
    </Suspense>
  );
}
