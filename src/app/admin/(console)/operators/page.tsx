import type { Metadata } from "next";
import { OperatorsScreen } from "@/components/admin/operators/operators-screen";

export const metadata: Metadata = { title: "Operators" };

export default function AdminOperatorsPage() {
  return <OperatorsScreen />;
}
