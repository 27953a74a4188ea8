"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { Money } from "@/components/ui/money";
import { parseMajor } from "@/domain/money";
import { useTRPC } from "@/lib/trpc";
import { majorText } from "../settings/settings-fields";
import styles from "../shared/admin.module.css";
import { FormField } from "../shared/form-field";
import type { AdminAgent } from "../shared/types";
import { useAdminFormats } from "../shared/use-admin-formats";
import { useRefreshAdmin } from "../shared/use-refresh-admin";

interface Props {
  agent: AdminAgent;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/**
 * One shop's cash drawer as the operator sees it: today's day (or none open), the last two
 * weeks' closes with their variance, and the shop's alert thresholds, which the operator may
 * set (audited; empty: the platform's default).
 */
export function DrawerPanel({ agent, onDone, onCancel }: Props) {
  const t = useTranslations("admin.agents.drawer");
  const trpc = useTRPC();
  const format = useAdminFormats();
  const days = useQuery(trpc.drawer.agentDays.queryOptions({ agentId: agent.id }));
  const data = days.data;
  return (
    <div className="stack" data-testid="drawer-panel">
      <strong>{t("title", { shop: agent.shopName })}</strong>
      {days.isPending ? (
        <div
          className="skeleton"
          style={{ height: "4rem" }}
          role="status"
          aria-busy
          aria-label={t("loading")}
        />
      ) : !data ? (
        <div className="stack">
          <ErrorNote error={days.error} />
          <Button onClick={() => void days.refetch()}>{t("tryAgain")}</Button>
        </div>
      ) : (
        <>
          <p data-testid="drawer-today">
            {data.day
              ? t.rich("open", {
                  when: format.moment(data.day.openedAt),
                  opening: () => <Money amount={data.day!.openingCount} currency={data.currency} />,
                  cash: () => <Money amount={data.day!.cashOnHand} currency={data.currency} />,
                })
              : t("notOpen")}
          </p>
          {data.floatRunsOutAt ? (
            <p className="small">{t("floatPace", { time: format.time(data.floatRunsOutAt) })}</p>
          ) : null}
          {data.closes.length === 0 ? (
            <p className="muted small">{t("noCloses")}</p>
          ) : (
            <table className={styles.table}>
              <caption className="small muted">{t("closes")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("closedAt")}</th>
                  <th scope="col" className={styles.num}>
                    {t("expected")}
                  </th>
                  <th scope="col" className={styles.num}>
                    {t("counted")}
                  </th>
                  <th scope="col" className={styles.num}>
                    {t("variance")}
                  </th>
                </tr>
              </thead>
              <tbody data-testid="drawer-closes">
                {data.closes.map((d) => (
                  <tr key={d.id}>
                    <td>{d.closedAt ? format.moment(d.closedAt) : null}</td>
                    <td className={styles.num}>
                      <Money amount={d.expected ?? 0n} currency={d.currency} />
                    </td>
                    <td className={styles.num}>
                      <Money amount={d.counted ?? 0n} currency={d.currency} />
                    </td>
                    <td className={styles.num}>
                      <Money amount={d.variance ?? 0n} currency={d.currency} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <ThresholdsForm
            agent={agent}
            own={{ lowFloat: data.thresholds.ownLowFloat, lowCash: data.thresholds.ownLowCash }}
            inForce={{ lowFloat: data.thresholds.lowFloat, lowCash: data.thresholds.lowCash }}
            onDone={onDone}
            onCancel={onCancel}
          />
        </>
      )}
    </div>
  );
}

function ThresholdsForm({
  agent,
  own,
  inForce,
  onDone,
  onCancel,
}: Props & {
  own: { lowFloat: bigint | null; lowCash: bigint | null };
  inForce: { lowFloat: bigint; lowCash: bigint };
}) {
  const t = useTranslations("admin.agents.drawer");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = useRefreshAdmin();
  const id = useId();
  const major = (v: bigint | null) => (v === null ? "" : majorText(v.toString(), agent.currency));
  const [floatText, setFloatText] = useState(major(own.lowFloat));
  const [cashText, setCashText] = useState(major(own.lowCash));
  const [problems, setProblems] = useState<{ float?: string; cash?: string }>({});
  const save = useMutation(
    trpc.drawer.setAgentThresholds.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          refresh(),
          queryClient.invalidateQueries({ queryKey: trpc.drawer.agentDays.queryKey() }),
        ]);
        onDone(t("saved", { shop: agent.shopName }));
      },
    }),
  );
  function read(text: string): bigint | null | "bad" {
    if (text.trim() === "") return null;
    try {
      return parseMajor(text, agent.currency);
    } catch {
      return "bad";
    }
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    const lowFloat = read(floatText);
    const lowCash = read(cashText);
    const found = {
      ...(lowFloat === "bad" ? { float: t("amountInvalid") } : {}),
      ...(lowCash === "bad" ? { cash: t("amountInvalid") } : {}),
    };
    setProblems(found);
    if (lowFloat === "bad" || lowCash === "bad") return;
    save.mutate({ agentId: agent.id, lowFloat, lowCash });
  }
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={t("thresholds")}>
      <strong>{t("thresholds")}</strong>
      <p className="small muted">
        {t.rich("inForce", {
          float: () => <Money amount={inForce.lowFloat} currency={agent.currency} />,
          cash: () => <Money amount={inForce.lowCash} currency={agent.currency} />,
        })}
      </p>
      <div className={styles.formGrid}>
        <FormField
          formId={id}
          name="lowFloat"
          label={t("lowFloat", { currency: agent.currency })}
          value={floatText}
          onChange={setFloatText}
          problem={problems.float}
          inputMode="decimal"
          placeholder={t("default")}
          compact
        />
        <FormField
          formId={id}
          name="lowCash"
          label={t("lowCash", { currency: agent.currency })}
          value={cashText}
          onChange={setCashText}
          problem={problems.cash}
          inputMode="decimal"
          placeholder={t("default")}
          compact
        />
      </div>
      <ErrorNote error={save.error} />
      <div className="row">
        <Button type="submit" variant="primary" busy={save.isPending}>
          {t("save")}
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={save.isPending}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
