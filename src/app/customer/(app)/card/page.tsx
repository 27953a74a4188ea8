import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CardScreen } from "@/components/customer/card-screen";
import { CustomerGate } from "@/components/customer/customer-gate";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("customer.meta"))("card") };
}

export default function CardPage() {
  return (
    <CustomerGate>
      <CardScreen />
    </CustomerGate>
  );
}
