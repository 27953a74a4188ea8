"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { useSession } from "@/components/ui/session";
import { CodeBadge } from "@/components/ui/status-badge";
import { PHONE_PATTERN } from "@/domain/codes";
import { useTRPC } from "@/lib/trpc";
import { ActorAt } from "../shared/actor-label";
import styles from "../shared/admin.module.css";
import { type Column, DataTable, Loaded, RowPanel } from "../shared/data-table";
import { DecisionButtons } from "../shared/decision-buttons";
import { FormField } from "../shared/form-field";
import { Notice } from "../shared/notice";
import { formatDay, type OperatorInvitation } from "../shared/types";
import { useRefreshAdmin } from "../shared/use-refresh-admin";

export function OperatorsScreen() {
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <div>
        <h1>Operators</h1>
        <p className="muted small" style={{ margin: 0 }}>
          People who can sign in to this console. A new operator takes two of you: one proposes,
          another approves, and the new person opens the account at /admin/activate with both codes
          and a password only they know. Every change is in the audit log.
        </p>
      </div>
      {notice ? <Notice onDismiss={() => setNotice(null)}>{notice}</Notice> : null}
      <ProposeOperatorForm />
      <section className="card stack">
        <h2>Proposed operators</h2>
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
  return (
    <div className="alert ok stack" role="status" data-testid="activation-code">
      <span>{children}</span>
      <strong className={styles.mono} data-testid={`${who.toLowerCase()}-code`}>
        {code}
      </strong>
      <span className="small">
        Shown only now. Give it to the new operator in person; never send it with the other
        operator&apos;s code.
      </span>
    </div>
  );
}

interface Values {
  name: string;
  phone: string;
}

function ProposeOperatorForm() {
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
    if (!values.name.trim()) found.name = "Enter the operator's name";
    if (!PHONE_PATTERN.test(values.phone.trim()))
      found.phone = "Enter the phone in international form, like +254712345678";
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setCode(null);
    propose.mutate({ name: values.name.trim(), phone: values.phone.trim() });
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Propose an operator</h2>
      {code ? (
        <CodeNote who="Proposer" code={code.code}>
          {`${code.name} is proposed: another operator must approve. Your half of the activation:`}
        </CodeNote>
      ) : null}
      <form className="stack" onSubmit={submit} noValidate>
        <div className={styles.formGrid}>
          {(["name", "phone"] as const).map((name) => (
            <FormField
              key={name}
              formId={id}
              name={name}
              label={name === "name" ? "Name" : "Phone"}
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
            Propose operator
          </Button>
        </div>
      </form>
    </section>
  );
}

const INVITATION_STATUS: Record<OperatorInvitation["status"], string> = {
  PROPOSED: "Waiting for approval",
  APPROVED: "Approved: waiting for activation",
  REJECTED: "Rejected",
  EXPIRED: "Expired",
  ACTIVATED: "Activated",
};

function InvitationsTable() {
  const trpc = useTRPC();
  const invitations = useQuery(trpc.admin.operatorInvitations.queryOptions({ limit: 20 }));
  return (
    <Loaded query={invitations} label="Loading proposed operators">
      {(proposed) =>
        proposed.length === 0 ? (
          <p className="muted small">Nobody has been proposed yet.</p>
        ) : (
          <DataTable testId="invitations-table" columns={INVITATION_COLUMNS}>
            {proposed.map((i) => (
              <InvitationRow key={i.id} invitation={i} />
            ))}
          </DataTable>
        )
      }
    </Loaded>
  );
}

const INVITATION_COLUMNS: readonly Column[] = [
  { label: "Name" },
  { label: "Phone" },
  { label: "Proposed by" },
  { label: "Status" },
  { label: "Decision" },
];

function InvitationRow({ invitation }: { invitation: OperatorInvitation }) {
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
        <td>{INVITATION_STATUS[invitation.status]}</td>
        <td>
          {invitation.status !== "PROPOSED" ? (
            <span className="muted small">Decided</span>
          ) : mine ? (
            <span className="muted small">You proposed this: another operator decides.</span>
          ) : (
            <DecisionButtons
              pending={decide.isPending ? decide.variables.approve : null}
              onDecide={(approve) => decide.mutate({ invitationId: invitation.id, approve })}
            />
          )}
        </td>
      </tr>
      {code || decide.error ? (
        <RowPanel columns={INVITATION_COLUMNS.length}>
          {code ? (
            <CodeNote who="Approver" code={code}>
              {`${invitation.name} is approved. Your half of the activation:`}
            </CodeNote>
          ) : null}
          <ErrorNote error={decide.error} />
        </RowPanel>
      ) : null}
    </tbody>
  );
}

function OperatorsTable({ onChanged }: { onChanged: (message: string) => void }) {
  const trpc = useTRPC();
  const operators = useQuery(trpc.admin.operators.queryOptions());

  return (
    <Loaded query={operators} label="Loading operators">
      {(team) => (
        <div className="stack">
          <DataTable testId="operators-table" columns={OPERATOR_COLUMNS}>
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

const OPERATOR_COLUMNS: readonly Column[] = [
  { label: "Name" },
  { label: "Phone" },
  { label: "Status" },
  { label: "Since" },
  { label: "Access" },
];

function OperatorRow({
  operator: o,
  onChanged,
}: {
  operator: { id: string; name: string; phone: string; status: string; createdAt: Date };
  onChanged: (message: string) => void;
}) {
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
      onSuccess: () => done(`${o.name} is locked and signed out everywhere`),
    }),
  );
  const unlock = useMutation(
    trpc.admin.unlockOperator.mutationOptions({
      onSuccess: () => done(`${o.name} can sign in again`),
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
        <td className={styles.nowrap}>{formatDay(o.createdAt)}</td>
        <td>
          {me ? (
            <span className="muted small">You</span>
          ) : o.status === "ACTIVE" ? (
            <div className={styles.decide}>
              <label className="small" htmlFor={`${id}-reason`}>
                Reason
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
                Lock
              </Button>
            </div>
          ) : (
            <Button
              className={styles.tableButton}
              busy={unlock.isPending}
              onClick={() => unlock.mutate({ userId: o.id })}
            >
              Unlock
            </Button>
          )}
        </td>
      </tr>
      {lock.error || unlock.error ? (
        <RowPanel columns={OPERATOR_COLUMNS.length}>
          <ErrorNote error={lock.error ?? unlock.error} />
        </RowPanel>
      ) : null}
    </tbody>
  );
}
