"use client";

import { useMutation } from "@tanstack/react-query";
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
  const trpc = useTRPC();
  const refresh = useRefreshAdmin();
  const [plan, setPlan] = useState(agent.commissionPlan);
  const change = useMutation(
    trpc.admin.setAgentPlan.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone(`${agent.shopName} is paid by the new plan from its next order`);
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    change.mutate({ agentId: agent.id, plan });
  }

  return (
    <form className="stack" onSubmit={submit} aria-label={`Commission plan of ${agent.shopName}`}>
      <strong>Commission plan of {agent.shopName}</strong>
      <p className="small muted">
        Orders the shop claims from now on are paid by the plan chosen here. Orders it already holds
        keep the commission they were given.
      </p>
      <PlanSelect label="Plan" value={plan} onChange={setPlan} disabled={change.isPending} />
      <ErrorNote error={change.error} />
      <div className="row">
        <Button
          type="submit"
          variant="primary"
          busy={change.isPending}
          disabled={plan === agent.commissionPlan}
        >
          Change plan
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={change.isPending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
