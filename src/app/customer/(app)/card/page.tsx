import type { Metadata } from "next";
import { CardScreen } from "@/components/customer/card-screen";
import { CustomerGate } from "@/components/customer/customer-gate";

export const metadata: Metadata = { title: "Personal QR card" };

export default function CardPage() {
  return (
    <CustomerGate>
      <CardScreen />
    </CustomerGate>
  );
}
