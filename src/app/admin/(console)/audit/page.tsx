import type { Metadata } from "next";
import { Suspense } from "react";
import { AuditScreen } from "@/components/admin/audit/audit-screen";

export const metadata: Metadata = { title: "Audit log" };

export default function AdminAuditPage() {
  // The search lives in the address; reading it on the client needs a Suspense boundary.
  return (
    <Suspense>
      <AuditScreen />
    </Suspense>
  );
}
