import type { Metadata } from "next";
import { Suspense } from "react";
import { ReversalsScreen } from "@/components/admin/reversals/reversals-screen";

export const metadata: Metadata = { title: "Reversals" };

export default function AdminReversalsPage() {
  // The chosen tab lives in the address; reading it on the client needs a Suspense boundary.
  return (
    <Suspense>
      <ReversalsScreen />
    </Suspense>
  );
}
