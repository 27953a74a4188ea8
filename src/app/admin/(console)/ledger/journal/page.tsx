import type { Metadata } from "next";
import { Suspense } from "react";
import { JournalScreen } from "@/components/admin/ledger/journal-screen";

export const metadata: Metadata = { title: "Journal" };

export default function AdminJournalPage() {
  // ?at= lives in the address; reading it on the client needs a Suspense boundary.
  return (
    <Suspense>
      <JournalScreen />
    </Suspense>
  );
}
