"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { Money, useFormatMoney } from "@/components/ui/money";
import { CURRENCY_EXPONENTS, parseMajor } from "@/domain/money";
import { useIdempotencyKey } from "@/lib/idempotency";
import { useTRPCClient } from "@/lib/trpc";
import styles from "../shared/admin.module.css";
import { FormField } from "../shared/form-field";
import type { AdminAgent } from "../shared/types";
import { useRefreshAdmin } from "../shared/use-refresh-admin";

export type MoneyMove = "FUND_FLOAT" | "DEFLOAT" | "PAY_COMMISSION";

/** Each move's words are admin.agents.moves.<MOVE> (label, explain, done, waiting). */
export const MOVES: Record<
  MoneyMove,
  {
    procedure: "fundFloat" | "defloat" | "payCommission";
    /** Which of the agent's balances the move changes, to show before and after. */
    balance: "float" | "commission";
  }
> = {
  FUND_FLOAT: { procedure: "fundFloat", balance: "float" },
  DEFLOAT: { procedure: "defloat", balance: "float" },
  PAY_COMMISSION: { procedure: "payCommission", balance: "commission" },
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
  const t = useTranslations("admin.agents.moveForm");
  const tMove = useTranslations(`admin.agents.moves.${move}`);
  const formatMoney = useFormatMoney();
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
          ? tMove("done", { after: formatMoney(result.agentBalanceAfter, result.currency) })
          : tMove("waiting", { amount: formatMoney(result.amount, result.currency) }),
      );
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: { amount?: string; reference?: string } = {};
    let amount = 0n;
    try {
      amount = parseMajor(amountText, agent.currency);
      if (amount <= 0n) found.amount = t("amountZero");
    } catch {
      // parseMajor's refusal is worded in English; it refuses for one of two reasons (not an
      // amount, or too many decimals for the currency), said here in the screen's language.
      const tooPrecise = /^\d{1,13}\.\d*$/.test(amountText.trim().replace(/[,\s_]/g, ""));
      found.amount = tooPrecise
        ? t("amountDecimals", {
            currency: agent.currency,
            exponent: CURRENCY_EXPONENTS[agent.currency],
          })
        : t("amountInvalid");
    }
    const externalRef = reference.trim();
    if (!externalRef) found.reference = t("referenceMissing");
    else if (!REFERENCE.test(externalRef)) found.reference = t("referenceInvalid");
    setProblems(found);
    if (found.amount || found.reference) return;
    mutation.mutate({ agentId: agent.id, amount, externalRef, idempotencyKey: idempotency.key() });
  }

  return (
    <form
      className="stack"
      onSubmit={submit}
      noValidate
      aria-label={tMove("title", { shop: agent.shopName })}
    >
      <div className="spread">
        <strong>{tMove("title", { shop: agent.shopName })}</strong>
        <span className="small muted">
          {t.rich(spec.balance === "float" ? "floatNow" : "commissionNow", {
            amount: () => <Money amount={agent[spec.balance]} currency={agent.currency} />,
          })}
        </span>
      </div>
      <p className="small muted">{tMove("explain")}</p>
      <div className={styles.formGrid}>
        <FormField
          formId={id}
          name="amount"
          label={t("amount", { currency: agent.currency })}
          inputMode="decimal"
          placeholder={t("amountExample")}
          // The operator opened this form to type into it; the cursor should already be there.
          autoFocus
          value={amountText}
          onChange={setAmountText}
          problem={problems.amount}
        />
        <FormField
          formId={id}
          name="externalRef"
          label={t("reference")}
          code
          placeholder={t("referenceExample")}
          value={reference}
          onChange={setReference}
          problem={problems.reference}
        />
      </div>
      <ErrorNote error={mutation.error} />
      <div className="row">
        <Button type="submit" variant="primary" busy={mutation.isPending}>
          {t("record")}
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={mutation.isPending}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
