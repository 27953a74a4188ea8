"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { useTRPC } from "@/lib/trpc";
import styles from "./admin.module.css";
import { FieldError } from "./field-error";
import {
  ALL_FIELDS,
  bpsAsPercent,
  type FieldProblems,
  type FieldSpec,
  type FieldValues,
  fromFields,
  GROUPS,
  TIER_COLUMNS,
  TIER_IDS,
  tierPath,
  toFields,
} from "./settings-fields";
import type { SettingsVersion } from "./types";

interface Props {
  /** The version the edits start from; the server refuses the save if it is no longer the latest. */
  base: SettingsVersion;
  onSaved: (version: number) => Promise<void>;
  onRefused: () => void;
}

/** Edits one settings version into the next; mounted afresh for each base version. */
export function SettingsForm({ base, onSaved, onRefused }: Props) {
  const trpc = useTRPC();
  const id = useId();
  const currency = base.settings.currency;
  const [initial] = useState(() => toFields(base.settings));
  const [values, setValues] = useState<FieldValues>(initial);
  const [problems, setProblems] = useState<FieldProblems>({});
  const save = useMutation(
    trpc.admin.updateSettings.mutationOptions({
      onSuccess: (result) => onSaved(result.version),
      onError: onRefused,
    }),
  );

  const changed = ALL_FIELDS.filter((f) => (values[f.path] ?? "").trim() !== initial[f.path]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = fromFields(values, currency);
    if ("problems" in result) {
      setProblems(result.problems);
      return;
    }
    setProblems({});
    save.mutate({ basedOnVersion: base.version, settings: result.settings });
  }

  function input(field: FieldSpec, label: string, compact = false) {
    const errorId = `${id}-${field.path}-error`;
    const hintId = `${id}-${field.path}-hint`;
    const value = values[field.path] ?? "";
    const hint = field.kind === "bps" ? bpsAsPercent(value) : null;
    const problem = problems[field.path];
    const described = [hint ? hintId : "", problem ? errorId : ""].filter(Boolean).join(" ");
    const inputId = `${id}-${field.path}`;
    const control = (
      <input
        id={inputId}
        name={field.path}
        inputMode={field.kind === "bps" ? "numeric" : "decimal"}
        autoComplete="off"
        className={compact ? styles.compactInput : undefined}
        value={value}
        onChange={(e) => setValues((v) => ({ ...v, [field.path]: e.target.value }))}
        aria-label={compact ? label : undefined}
        aria-invalid={problem ? true : undefined}
        aria-describedby={described || undefined}
      />
    );
    return (
      <div
        className={`${styles.fieldCell} ${value.trim() !== initial[field.path] ? styles.changed : ""}`}
      >
        {compact ? (
          control
        ) : (
          <>
            <label className="field" htmlFor={inputId}>
              {label}
            </label>
            {control}
          </>
        )}
        {hint ? (
          <span id={hintId} className="muted small">
            = {hint}
          </span>
        ) : null}
        <FieldError id={errorId} message={problem} />
      </div>
    );
  }

  const withUnit = (f: FieldSpec) => (f.kind === "money" ? `${f.label} (${currency})` : f.label);
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="Platform settings">
      <div className={styles.settingsGroups}>
        {GROUPS.map((group) => (
          <fieldset key={group.title} className={styles.fieldset}>
            <legend>{group.title}</legend>
            <p className="muted small" style={{ margin: "0 0 0.6rem" }}>
              {group.explain}
            </p>
            <div className={styles.formGrid}>
              {group.fields.map((f) => (
                <div key={f.path}>{input(f, withUnit(f))}</div>
              ))}
            </div>
          </fieldset>
        ))}
      </div>

      <fieldset className={styles.fieldset}>
        <legend>Limits by KYC tier ({currency})</legend>
        <p className="muted small" style={{ margin: "0 0 0.6rem" }}>
          A customer&apos;s tier sets how much one order, one day and their wallet may hold.
        </p>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">Tier</th>
              {TIER_COLUMNS.map((c) => (
                <th key={c.key} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {TIER_IDS.map((tier) => (
              <tr key={tier}>
                <th scope="row" className={styles.rowHead}>
                  Tier {tier}
                </th>
                {TIER_COLUMNS.map((c) => {
                  const field = ALL_FIELDS.find((f) => f.path === tierPath(tier, c.key));
                  return (
                    <td key={c.key}>
                      {field ? input(field, `Tier ${tier}: ${c.label} (${currency})`, true) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>

      {Object.keys(problems).length > 0 ? (
        <p className="alert error" role="alert">
          Fix the fields marked above, then save again.
        </p>
      ) : null}
      <ErrorNote error={save.error} />
      <div className="row">
        <Button
          type="submit"
          variant="primary"
          busy={save.isPending}
          disabled={changed.length === 0}
        >
          Save as new version
        </Button>
        <Button
          variant="ghost"
          disabled={changed.length === 0 || save.isPending}
          onClick={() => {
            setValues(initial);
            setProblems({});
            save.reset();
          }}
        >
          Undo changes
        </Button>
        <span className="muted small">
          {changed.length === 0
            ? `No changes to version ${base.version} yet.`
            : `${changed.length} ${changed.length === 1 ? "field" : "fields"} changed. Orders already created keep the version they were priced with.`}
        </span>
      </div>
    </form>
  );
}
