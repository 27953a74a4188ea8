import type { Metadata } from "next";
import { LedgerScreen } from "@/components/admin/ledger/ledger-screen";

export const metadata: Metadata = { title: "Ledger" };

export default function AdminLedgerPage() {
  return <LedgerScreen />;
}
