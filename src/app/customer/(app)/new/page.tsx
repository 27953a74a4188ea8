import type { Metadata } from "next";
import { CustomerGate } from "@/components/customer/customer-gate";
import { NewOrderForm } from "@/components/customer/new-order-form";

export const metadata: Metadata = { title: "New order" };

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
