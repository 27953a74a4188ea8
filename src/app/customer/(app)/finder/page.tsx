import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CustomerGate } from "@/components/customer/customer-gate";
import { FinderScreen } from "@/components/customer/finder-screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("customer.meta"))("finder") };
}

export default async function FinderPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { type, amount } = await searchParams;
  return (
    <CustomerGate>
      <FinderScreen
        initialType={type === "CASH_IN" ? "CASH_IN" : "CASH_OUT"}
        initialAmount={typeof amount === "string" ? amount.slice(0, 20) : ""}
      />
    </CustomerGate>
  );
}
