import type { Metadata } from "next";
import type { ReactNode } from "react";

export const metadata: Metadata = {
  title: { default: "ProxyPay Operations", template: "%s · ProxyPay Operations" },
  description: "Onboard agents, move their float and commission, read the ledger",
  // Operator pages are for staff only; nothing here belongs in a search index.
  robots: { index: false, follow: false },
};

export default function AdminLayout({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
