"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { useTRPC } from "@/lib/trpc";
import styles from "./admin.module.css";
import { AdminShell } from "./admin-shell";
import { FormField } from "./form-field";
import { LoadFailed, TableSkeleton } from "./load-states";
import { Notice } from "./notice";
import { formatDay } from "./types";
import { useRefreshAdmin } from "./use-refresh-admin";

export function OperatorsScreen() {
  return (
    <AdminShell current="operators">
      <Operators />
    </AdminShell>
  );
}

function Operators() {
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <div>
        <h1>Operators</h1>
        <p className="muted small" style={{ margin: 0 }}>
          People who can sign in to this console. Every change they make is in the audit log under
          their name.
        </p>
      </div>
      {notice ? <Notice onDismiss={() => setNotice(null)}>{notice}</Notice> : null}
      <NewOperatorForm onCreated={(name) => setNotice(`${name} can now sign in at /admin`)} />
      <section className="card">
        <OperatorsTable />
      </section>
    </>
  );
}

interface Values {
  name: string;
  phone: string;
  password: string;
}

type Problems = Partial<Record<keyof Values, string>>;

const EMPTY: Values = { name: "", phone: "+254", password: "" };

/** Mirrors the server's rules so every field can be fixed in one go; the server still checks. */
function check(v: Values): Problems {
  const problems: Problems = {};
  if (!v.name.trim()) problems.name = "Enter the operator's name";
  if (!/^\+[1-9]\d{7,14}$/.test(v.phone.trim()))
    problems.phone = "Enter the phone in international form, like +254712345678";
  if (v.password.length < 12) problems.password = "Use at least 12 characters";
  return problems;
}

function NewOperatorForm({ onCreated }: { onCreated: (name: string) => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshAdmin();
  const id = useId();
  const [values, setValues] = useState<Values>(EMPTY);
  const [problems, setProblems] = useState<Problems>({});
  const create = useMutation(
    trpc.admin.createOperator.mutationOptions({
      onSuccess: async (_created, input) => {
        await refresh();
        // Cleared so the password does not linger on screen for the next person.
        setValues(EMPTY);
        onCreated(input.name);
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = check(values);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    create.mutate({
      name: values.name.trim(),
      phone: values.phone.trim(),
      password: values.password,
    });
  }

  function field(
    name: keyof Values,
    label: string,
    input: { type?: string; inputMode?: "tel"; autoComplete?: string; hint?: string } = {},
  ) {
    return (
      <FormField
        formId={id}
        name={name}
        label={label}
        value={values[name]}
        onChange={(value) => setValues((v) => ({ ...v, [name]: value }))}
        problem={problems[name]}
        {...input}
      />
    );
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>New operator</h2>
      <form className="stack" onSubmit={submit} noValidate>
        <div className={styles.formGrid}>
          {field("name", "Name")}
          {field("phone", "Phone", { type: "tel", inputMode: "tel" })}
          {field("password", "Password", {
            type: "password",
            // A password for someone else: the browser should not offer to save it as ours.
            autoComplete: "new-password",
            hint: "At least 12 characters; give it to them in person",
          })}
        </div>
        <ErrorNote error={create.error} />
        <div className="row">
          <Button type="submit" variant="primary" busy={create.isPending}>
            Create operator
          </Button>
        </div>
      </form>
    </section>
  );
}

function OperatorsTable() {
  const trpc = useTRPC();
  const operators = useQuery(trpc.admin.operators.queryOptions());

  if (operators.isPending) return <TableSkeleton label="Loading operators" />;
  if (!operators.data) {
    return (
      <LoadFailed
        error={operators.error}
        busy={operators.isFetching}
        onRetry={() => void operators.refetch()}
      />
    );
  }
  return (
    <div className="stack">
      <table className={styles.table} data-testid="operators-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Phone</th>
            <th scope="col">Status</th>
            <th scope="col">Since</th>
          </tr>
        </thead>
        <tbody>
          {operators.data.map((o) => (
            <tr key={o.id} data-testid="operator-row">
              <td>
                <strong>{o.name}</strong>
              </td>
              <td className={styles.nowrap}>{o.phone}</td>
              <td>
                {o.status === "ACTIVE" ? (
                  <span className={`badge ${styles.badgeActive}`}>Active</span>
                ) : (
                  <span className={`badge ${styles.badgeSuspended}`}>
                    {o.status === "LOCKED" ? "Locked" : o.status}
                  </span>
                )}
              </td>
              <td className={styles.nowrap}>{formatDay(o.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* A refetch after a change can fail while the old list is still shown. */}
      <ErrorNote error={operators.error} />
    </div>
  );
}
