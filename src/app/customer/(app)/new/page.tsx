import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CustomerGate } from "@/components/customer/customer-gate";
import { NewOrderForm } from "@/components/customer/new-order-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("customer.meta"))("newOrder") };
}

export default async function NewOrderPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { type } = await searchParams;
  return (
    <CustomerGate>
      <NewOrderForm initialType={type === "CASH_OUT" ? "CASH_OUT" : "CASH_IN"} />
    </CustomerGate>
  );
}
