import type { Metadata } from "next";
import { Suspense } from "react";
import { DisputesScreen } from "@/components/admin/disputes/disputes-screen";

export const metadata: Metadata = { title: "Disputes" };

export default function AdminDisputesPage() {
  // The chosen tab lives in the address; reading it on the client needs a Suspense boundary.
  return (
    <Suspense>
      <DisputesScreen />
    </Suspense>
  );
}
