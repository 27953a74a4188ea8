"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { useTRPC } from "@/lib/trpc";
import { FormField } from "../shared/form-field";
import type { AdminAgent } from "../shared/types";
import { useRefreshAdmin } from "../shared/use-refresh-admin";

interface Props {
  agent: AdminAgent;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** Suspending stops a shop from serving customers, so it always carries a stated reason. */
export function SuspendForm({ agent, onDone, onCancel }: Props) {
  const t = useTranslations("admin.agents.suspendForm");
  const trpc = useTRPC();
  const refresh = useRefreshAdmin();
  const id = useId();
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  const suspend = useMutation(
    trpc.admin.suspendAgent.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone(t("done", { shop: agent.shopName }));
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const text = reason.trim();
    setProblem(text ? undefined : t("reasonMissing"));
    if (text) suspend.mutate({ agentId: agent.id, reason: text });
  }

  return (
    <form
      className="stack"
      onSubmit={submit}
      noValidate
      aria-label={t("title", { shop: agent.shopName })}
    >
      <strong>{t("title", { shop: agent.shopName })}</strong>
      <p className="small muted">{t("explain")}</p>
      <FormField
        formId={id}
        name="reason"
        label={t("reason")}
        maxLength={200}
        placeholder={t("reasonExample")}
        value={reason}
        onChange={setReason}
        problem={problem}
        autoFocus
      />
      <ErrorNote error={suspend.error} />
      <div className="row">
        <Button type="submit" variant="danger" busy={suspend.isPending}>
          {t("submit")}
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={suspend.isPending}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
