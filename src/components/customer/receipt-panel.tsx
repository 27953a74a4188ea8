"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ReceiptCard } from "@/components/receipts/receipt-card";
import { ErrorNote } from "@/components/ui/error-note";
import { useTRPC } from "@/lib/trpc";
import { OverchargePanel } from "./overcharge-panel";
import type { CustomerOrder } from "./types";

/** The completed order's signed receipt, and where to report an overcharge on it. */
export function ReceiptPanel({ order }: { order: CustomerOrder }) {
  const t = useTranslations("customer.signedReceipt");
  const trpc = useTRPC();
  const receipt = useQuery(trpc.customer.receipt.queryOptions({ orderId: order.id }));
  if (receipt.isPending) {
    return <div className="card skeleton" style={{ minHeight: "18rem" }} aria-busy="true" />;
  }
  if (receipt.error) {
    return (
      <section className="card stack">
        <p>{t("loadFailed")}</p>
        <ErrorNote error={receipt.error} />
        <button type="button" className="button" onClick={() => void receipt.refetch()}>
          {t("tryAgain")}
        </button>
      </section>
    );
  }
  return (
    <>
      <ReceiptCard receipt={receipt.data.receipt} />
      <OverchargePanel order={order} state={receipt.data} />
    </>
  );
}
