"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { useIdempotencyKey } from "@/lib/idempotency";
import { useTRPC } from "@/lib/trpc";
import { FormField } from "../shared/form-field";
import { useRefreshAdmin } from "../shared/use-refresh-admin";

/**
 * The maker's half of a reversal: it moves no money, it asks a second operator to. The
 * reason is what that operator will judge, so it is required.
 */
export function RequestReversalForm({ orderId, onDone }: { orderId: string; onDone: () => void }) {
  const t = useTranslations("admin.orders.requestReversal");
  const trpc = useTRPC();
  const refresh = useRefreshAdmin();
  const id = useId();
  // A double click or a retry after a lost answer must not open two requests.
  const idempotency = useIdempotencyKey();
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  const request = useMutation(
    trpc.admin.requestReversal.mutationOptions({
      onSuccess: async () => {
        idempotency.rotate();
        setReason("");
        await refresh();
        onDone();
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const text = reason.trim();
    setProblem(text ? undefined : t("reasonMissing"));
    if (text) request.mutate({ orderId, reason: text, idempotencyKey: idempotency.key() });
  }

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={t("submit")}>
      <FormField
        formId={id}
        name="reason"
        label={t("reason")}
        maxLength={500}
        placeholder={t("reasonExample")}
        value={reason}
        onChange={setReason}
        problem={problem}
      />
      <ErrorNote error={request.error} />
      <div>
        <Button type="submit" variant="danger" busy={request.isPending}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
