"use client";

import { useMutation } from "@tanstack/react-query";
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
  const trpc = useTRPC();
  const refresh = useRefreshAdmin();
  const id = useId();
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  const suspend = useMutation(
    trpc.admin.suspendAgent.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone(`${agent.shopName} is suspended: it can no longer scan or confirm orders`);
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const text = reason.trim();
    setProblem(text ? undefined : "Give the reason: the agent and other operators will see it");
    if (text) suspend.mutate({ agentId: agent.id, reason: text });
  }

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={`Suspend ${agent.shopName}`}>
      <strong>Suspend {agent.shopName}</strong>
      <p className="small muted">
        The agent can still sign in and see the reason, but cannot scan or confirm orders until
        reactivated.
      </p>
      <FormField
        formId={id}
        name="reason"
        label="Reason"
        maxLength={200}
        placeholder="e.g. Float shortage under investigation"
        value={reason}
        onChange={setReason}
        problem={problem}
        autoFocus
      />
      <ErrorNote error={suspend.error} />
      <div className="row">
        <Button type="submit" variant="danger" busy={suspend.isPending}>
          Confirm suspension
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={suspend.isPending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
