"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { useSession } from "@/components/ui/session";
import { CodeBadge } from "@/components/ui/status-badge";
import { PHONE_PATTERN } from "@/domain/codes";
import { useTRPC } from "@/lib/trpc";
import { useMoment } from "../audit/use-moment";
import { ActorAt } from "../shared/actor-label";
import styles from "../shared/admin.module.css";
import { type Column, DataTable, Loaded, RowPanel } from "../shared/data-table";
import { DecisionButtons } from "../shared/decision-buttons";
import { FormField } from "../shared/form-field";
import { Notice } from "../shared/notice";
import type { OperatorInvitation } from "../shared/types";
import { useRefreshAdmin } from "../shared/use-refresh-admin";

export function OperatorsScreen() {
  const t = useTranslations("control.operators");
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <div>
        <h1>{t("title")}</h1>
        <p className="muted small" style={{ margin: 0 }}>
          {t("intro")}
        </p>
      </div>
      {notice ? <Notice onDismiss={() => setNotice(null)}>{notice}</Notice> : null}
      <ProposeOperatorForm />
      <section className="card stack">
        <h2>{t("proposed")}</h2>
        <InvitationsTable />
      </section>
      <section className="card">
        <OperatorsTable onChanged={setNotice} />
      </section>
    </>
  );
}

/** A one-time code, shown once: it is stored only as a hash. */
function CodeNote({ who, code, children }: { who: string; code: string; children: string }) {
  const t = useTranslations("control.operators");
  return (
    <div className="alert ok stack" role="status" data-testid="activation-code">
      <span>{children}</span>
      <strong className={styles.mono} data-testid={`${who.toLowerCase()}-code`}>
        {code}
      </strong>
      <span className="small">{t("codeShownOnce")}</span>
    </div>
  );
}

interface Values {
  name: string;
  phone: string;
}

function ProposeOperatorForm() {
  const t = useTranslations("control.operators");
  const trpc = useTRPC();
  const refresh = useRefreshAdmin();
  const id = useId();
  const [values, setValues] = useState<Values>({ name: "", phone: "+254" });
  const [problems, setProblems] = useState<Partial<Record<keyof Values, string>>>({});
  const [code, setCode] = useState<{ name: string; code: string } | null>(null);
  const propose = useMutation(
    trpc.admin.proposeOperator.mutationOptions({
      onSuccess: async (result, input) => {
        await refresh();
        setValues({ name: "", phone: "+254" });
        setCode({ name: input.name, code: result.proposerCode });
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Partial<Record<keyof Values, string>> = {};
    if (!values.name.trim()) found.name = t("nameRequired");
    if (!PHONE_PATTERN.test(values.phone.trim())) found.phone = t("phoneProblem");
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setCode(null);
    propose.mutate({ name: values.name.trim(), phone: values.phone.trim() });
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("propose")}</h2>
      {code ? (
        <CodeNote who="Proposer" code={code.code}>
          {t("proposedCode", { name: code.name })}
        </CodeNote>
      ) : null}
      <form className="stack" onSubmit={submit} noValidate>
        <div className={styles.formGrid}>
          {(["name", "phone"] as const).map((name) => (
            <FormField
              key={name}
              formId={id}
              name={name}
              label={name === "name" ? t("name") : t("phone")}
              value={values[name]}
              onChange={(value) => setValues((v) => ({ ...v, [name]: value }))}
              problem={problems[name]}
              {...(name === "phone" ? { type: "tel", inputMode: "tel" as const } : {})}
            />
          ))}
        </div>
        <ErrorNote error={propose.error} />
        <div className="row">
          <Button type="submit" variant="primary" busy={propose.isPending}>
            {t("proposeButton")}
          </Button>
        </div>
      </form>
    </section>
  );
}

function InvitationsTable() {
  const t = useTranslations("control.operators");
  const columns = useInvitationColumns();
  const trpc = useTRPC();
  const invitations = useQuery(trpc.admin.operatorInvitations.queryOptions({ limit: 20 }));
  return (
    <Loaded query={invitations} label={t("loadingProposed")}>
      {(proposed) =>
        proposed.length === 0 ? (
          <p className="muted small">{t("noneProposed")}</p>
        ) : (
          <DataTable testId="invitations-table" columns={columns}>
            {proposed.map((i) => (
              <InvitationRow key={i.id} invitation={i} />
            ))}
          </DataTable>
        )
      }
    </Loaded>
  );
}

function useInvitationColumns(): readonly Column[] {
  const t = useTranslations("control.operators");
  return [
    { label: t("colName") },
    { label: t("colPhone") },
    { label: t("colProposedBy") },
    { label: t("colStatus") },
    { label: t("colDecision") },
  ];
}

function InvitationRow({ invitation }: { invitation: OperatorInvitation }) {
  const t = useTranslations("control.operators");
  const trpc = useTRPC();
  const refresh = useRefreshAdmin();
  const { data: session } = useSession();
  const [code, setCode] = useState<string | null>(null);
  const decide = useMutation(
    trpc.admin.decideOperator.mutationOptions({
      onSuccess: async (result) => {
        setCode(result.approverCode);
        await refresh();
      },
    }),
  );
  const mine = session?.user.id === invitation.proposedBy;
  return (
    <tbody data-testid="invitation-row">
      <tr>
        <td>
          <strong>{invitation.name}</strong>
        </td>
        <td className={styles.nowrap}>{invitation.phone}</td>
        <td>
          <ActorAt id={invitation.proposedBy} at={invitation.proposedAt} />
        </td>
        <td>{t(`status${invitation.status}`)}</td>
        <td>
          {invitation.status !== "PROPOSED" ? (
            <span className="muted small">{t("decided")}</span>
          ) : mine ? (
            <span className="muted small">{t("mine")}</span>
          ) : (
            <DecisionButtons
              pending={decide.isPending ? decide.variables.approve : null}
              onDecide={(approve) => decide.mutate({ invitationId: invitation.id, approve })}
            />
          )}
        </td>
      </tr>
      {code || decide.error ? (
        <RowPanel columns={5}>
          {code ? (
            <CodeNote who="Approver" code={code}>
              {t("approvedCode", { name: invitation.name })}
            </CodeNote>
          ) : null}
          <ErrorNote error={decide.error} />
        </RowPanel>
      ) : null}
    </tbody>
  );
}

function OperatorsTable({ onChanged }: { onChanged: (message: string) => void }) {
  const t = useTranslations("control.operators");
  const trpc = useTRPC();
  const operators = useQuery(trpc.admin.operators.queryOptions());

  return (
    <Loaded query={operators} label={t("loading")}>
      {(team) => (
        <div className="stack">
          <DataTable
            testId="operators-table"
            columns={[
              { label: t("colName") },
              { label: t("colPhone") },
              { label: t("colStatus") },
              { label: t("colSince") },
              { label: t("colAccess") },
            ]}
          >
            {team.map((o) => (
              <OperatorRow key={o.id} operator={o} onChanged={onChanged} />
            ))}
          </DataTable>
          {/* A refetch after a change can fail while the old list is still shown. */}
          <ErrorNote error={operators.error} />
        </div>
      )}
    </Loaded>
  );
}

function OperatorRow({
  operator: o,
  onChanged,
}: {
  operator: { id: string; name: string; phone: string; status: string; createdAt: Date };
  onChanged: (message: string) => void;
}) {
  const t = useTranslations("control.operators");
  const { day } = useMoment();
  const trpc = useTRPC();
  const refresh = useRefreshAdmin();
  const { data: session } = useSession();
  const id = useId();
  const [reason, setReason] = useState("");
  const done = async (message: string) => {
    await refresh();
    setReason("");
    onChanged(message);
  };
  const lock = useMutation(
    trpc.admin.lockOperator.mutationOptions({
      onSuccess: () => done(t("locked", { name: o.name })),
    }),
  );
  const unlock = useMutation(
    trpc.admin.unlockOperator.mutationOptions({
      onSuccess: () => done(t("unlocked", { name: o.name })),
    }),
  );
  const me = session?.user.id === o.id;
  return (
    <tbody data-testid="operator-row">
      <tr>
        <td>
          <strong>{o.name}</strong>
        </td>
        <td className={styles.nowrap}>{o.phone}</td>
        <td>
          <CodeBadge group="accountStatus" code={o.status} />
        </td>
        <td className={styles.nowrap}>{day(o.createdAt)}</td>
        <td>
          {me ? (
            <span className="muted small">{t("you")}</span>
          ) : o.status === "ACTIVE" ? (
            <div className={styles.decide}>
              <label className="small" htmlFor={`${id}-reason`}>
                {t("reason")}
              </label>
              <input
                id={`${id}-reason`}
                className={styles.compactInput}
                autoComplete="off"
                maxLength={200}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
              <Button
                className={styles.tableButton}
                busy={lock.isPending}
                disabled={!reason.trim()}
                onClick={() => lock.mutate({ userId: o.id, reason: reason.trim() })}
              >
                {t("lock")}
              </Button>
            </div>
          ) : (
            <Button
              className={styles.tableButton}
              busy={unlock.isPending}
              onClick={() => unlock.mutate({ userId: o.id })}
            >
              {t("unlock")}
            </Button>
          )}
        </td>
      </tr>
      {lock.error || unlock.error ? (
        <RowPanel columns={5}>
          <ErrorNote error={lock.error ?? unlock.error} />
        </RowPanel>
      ) : null}
    </tbody>
  );
}
