"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ReceiptCard } from "@/components/receipts/receipt-card";
import { ErrorNote } from "@/components/ui/error-note";
import { useTRPC } from "@/lib/trpc";

/** The signed receipt of the order the shop just completed, to show the customer. */
export function AgentReceipt({ orderId }: { orderId: string }) {
  const t = useTranslations("agent.signedReceipt");
  const trpc = useTRPC();
  const receipt = useQuery(trpc.agent.receipt.queryOptions({ orderId }));
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
  return <ReceiptCard receipt={receipt.data.receipt} />;
}
