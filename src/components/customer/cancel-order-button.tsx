"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { useIdempotencyKey } from "@/lib/idempotency";
import { useTRPC } from "@/lib/trpc";
import type { CustomerOrder } from "./types";

/** Cancelling takes two taps: a pocket tap must not throw away a code the agent is scanning. */
export function CancelOrderButton({
  order,
  onChange,
}: {
  order: CustomerOrder;
  onChange: (order: CustomerOrder) => void;
}) {
  const t = useTranslations("customer.cancel");
  const trpc = useTRPC();
  const [asking, setAsking] = useState(false);
  const idempotency = useIdempotencyKey();
  const cancel = useMutation(trpc.customer.cancelOrder.mutationOptions());

  function confirm() {
    cancel.mutate(
      { orderId: order.id, idempotencyKey: idempotency.key() },
      {
        onSuccess: (next) => {
          idempotency.rotate();
          onChange(next);
        },
      },
    );
  }

  if (!asking) {
    return (
      <Button variant="ghost" onClick={() => setAsking(true)}>
        {t("button")}
      </Button>
    );
  }
  return (
    <section className="card stack" aria-label={t("ask")}>
      <p>
        <strong>{t("ask")}</strong>{" "}
        {order.type === "CASH_OUT"
          ? t("cashOutNote")
          : order.status === "CLAIMED"
            ? t("claimedNote")
            : null}
      </p>
      <ErrorNote error={cancel.error} />
      <div className="grid-2">
        {/* The button pressed is gone: focus goes to the safe answer, not back to the page's top. */}
        <Button autoFocus onClick={() => setAsking(false)} disabled={cancel.isPending}>
          {t("keep")}
        </Button>
        <Button variant="danger" busy={cancel.isPending} onClick={confirm}>
          {t("confirm")}
        </Button>
      </div>
    </section>
  );
}
