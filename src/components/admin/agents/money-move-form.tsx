"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { Money } from "@/components/ui/money";
import { formatMinor, parseMajor } from "@/domain/money";
import { useIdempotencyKey } from "@/lib/idempotency";
import { useTRPCClient } from "@/lib/trpc";
import styles from "../shared/admin.module.css";
import { FormField } from "../shared/form-field";
import type { AdminAgent } from "../shared/types";
import { useRefreshAdmin } from "../shared/use-refresh-admin";

export type MoneyMove = "FUND_FLOAT" | "DEFLOAT" | "PAY_COMMISSION";

export const MOVES: Record<
  MoneyMove,
  {
    label: string;
    procedure: "fundFloat" | "defloat" | "payCommission";
    explain: string;
    /** Which of the agent's balances the move changes, to show before and after. */
    balance: "float" | "commission";
    done: (after: string) => string;
  }
> = {
  FUND_FLOAT: {
    label: "Fund float",
    procedure: "fundFloat",
    explain: "The agent deposited cash at the platform's bank; record the deposit's reference.",
    balance: "float",
    done: (after) => `Float funded: new float ${after}`,
  },
  DEFLOAT: {
    label: "De-float",
    procedure: "defloat",
    explain: "The platform paid float back to the agent's bank account; record the transfer.",
    balance: "float",
    done: (after) => `Float returned: new float ${after}`,
  },
  PAY_COMMISSION: {
    label: "Pay commission",
    procedure: "payCommission",
    explain: "The platform paid the agent's earned commission; record the transfer.",
    balance: "commission",
    done: (after) => `Commission paid: commission left ${after}`,
  },
};

const REFERENCE = /^[A-Za-z0-9/._-]{3,80}$/;

interface Props {
  agent: AdminAgent;
  move: MoneyMove;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/** Records one bank movement for one agent. */
export function MoneyMoveForm({ agent, move, onDone, onCancel }: Props) {
  const spec = MOVES[move];
  const client = useTRPCClient();
  const refresh = useRefreshAdmin();
  const id = useId();
  // Mounted per opened form: a double click or a retry after a lost answer reuses the key,
  // so the server replays the first result instead of moving the money twice.
  const idempotency = useIdempotencyKey();
  const [amountText, setAmountText] = useState("");
  const [reference, setReference] = useState("");
  const [problems, setProblems] = useState<{ amount?: string; reference?: string }>({});

  const mutation = useMutation({
    mutationFn: (input: {
      agentId: string;
      amount: bigint;
      externalRef: string;
      idempotencyKey: string;
    }) => client.admin[spec.procedure].mutate(input),
    onSuccess: async (result) => {
      idempotency.rotate();
      await refresh();
      onDone(
        result.status === "DONE"
          ? spec.done(formatMinor(result.agentBalanceAfter, result.currency))
          : `${spec.label} of ${formatMinor(result.amount, result.currency)} is waiting for a second operator: nothing moved yet`,
      );
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: { amount?: string; reference?: string } = {};
    let amount = 0n;
    try {
      amount = parseMajor(amountText, agent.currency);
      if (amount <= 0n) found.amount = "Enter an amount more than zero";
    } catch (error) {
      found.amount = error instanceof Error ? error.message : "Enter an amount like 500 or 500.50";
    }
    const externalRef = reference.trim();
    if (!externalRef) found.reference = "Enter the bank's reference";
    else if (!REFERENCE.test(externalRef))
      found.reference = "3 to 80 letters, digits and / . _ - only, as printed by the bank";
    setProblems(found);
    if (found.amount || found.reference) return;
    mutation.mutate({ agentId: agent.id, amount, externalRef, idempotencyKey: idempotency.key() });
  }

  return (
    <form
      className="stack"
      onSubmit={submit}
      noValidate
      aria-label={`${spec.label}: ${agent.shopName}`}
    >
      <div className="spread">
        <strong>
          {spec.label}: {agent.shopName}
        </strong>
        <span className="small muted">
          {spec.balance === "float" ? "Float now " : "Commission now "}
          <Money amount={agent[spec.balance]} currency={agent.currency} />
        </span>
      </div>
      <p className="small muted">{spec.explain}</p>
      <div className={styles.formGrid}>
        <FormField
          formId={id}
          name="amount"
          label={`Amount (${agent.currency})`}
          inputMode="decimal"
          placeholder="e.g. 10,000"
          // The operator opened this form to type into it; the cursor should already be there.
          autoFocus
          value={amountText}
          onChange={setAmountText}
          problem={problems.amount}
        />
        <FormField
          formId={id}
          name="externalRef"
          label="Bank reference"
          code
          placeholder="e.g. FT24331XK2"
          value={reference}
          onChange={setReference}
          problem={problems.reference}
        />
      </div>
      <ErrorNote error={mutation.error} />
      <div className="row">
        <Button type="submit" variant="primary" busy={mutation.isPending}>
          Record
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={mutation.isPending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
