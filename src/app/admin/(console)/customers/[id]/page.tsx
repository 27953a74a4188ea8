import type { Metadata } from "next";
import { CustomerDetailScreen } from "@/components/admin/customers/customer-detail-screen";

export const metadata: Metadata = { title: "Customer" };

export default async function AdminCustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <CustomerDetailScreen userId={id} />;
}
