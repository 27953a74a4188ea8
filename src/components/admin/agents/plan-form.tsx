"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { useTRPC } from "@/lib/trpc";
import type { AdminAgent } from "../shared/types";
import { useRefreshAdmin } from "../shared/use-refresh-admin";
import { PlanSelect } from "./commission-plans";

interface Props {
  agent: AdminAgent;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** Moves a shop to another commission plan; orders it already holds keep their commission. */
export function PlanForm({ agent, onDone, onCancel }: Props) {
  const t = useTranslations("admin.agents.planForm");
  const trpc = useTRPC();
  const refresh = useRefreshAdmin();
  const [plan, setPlan] = useState(agent.commissionPlan);
  const change = useMutation(
    trpc.admin.setAgentPlan.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone(t("done", { shop: agent.shopName }));
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    change.mutate({ agentId: agent.id, plan });
  }

  return (
    <form className="stack" onSubmit={submit} aria-label={t("title", { shop: agent.shopName })}>
      <strong>{t("title", { shop: agent.shopName })}</strong>
      <p className="small muted">{t("explain")}</p>
      <PlanSelect label={t("plan")} value={plan} onChange={setPlan} disabled={change.isPending} />
      <ErrorNote error={change.error} />
      <div className="row">
        <Button
          type="submit"
          variant="primary"
          busy={change.isPending}
          disabled={plan === agent.commissionPlan}
        >
          {t("submit")}
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={change.isPending}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
