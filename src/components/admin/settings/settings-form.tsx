"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { humanize } from "@/components/ui/labels";
import { DEFAULT_PLAN, planOrder } from "@/domain/commission-plan";
import { useTRPC } from "@/lib/trpc";
import styles from "../shared/admin.module.css";
import { FieldError } from "../shared/field-error";
import type { SettingsVersion } from "../shared/types";
import {
  allFields,
  bpsAsPercent,
  checkPlanCode,
  type FieldProblems,
  type FieldSpec,
  type FieldValues,
  fromFields,
  GROUPS,
  newPlanValues,
  planFields,
  TIER_COLUMNS,
  TIER_IDS,
  tierPath,
  toFields,
} from "./settings-fields";

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
  const savedPlans = Object.keys(base.settings.commissionPlans).sort(planOrder);
  const [planCodes, setPlanCodes] = useState<string[]>(savedPlans);
  const fields = allFields(planCodes);
  const save = useMutation(
    trpc.admin.updateSettings.mutationOptions({
      onSuccess: (result) => onSaved(result.version),
      onError: onRefused,
    }),
  );

  const changed = fields.filter((f) => (values[f.path] ?? "").trim() !== initial[f.path]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = fromFields(values, currency, planCodes);
    if ("problems" in result) {
      setProblems(result.problems);
      return;
    }
    setProblems({});
    save.mutate({ basedOnVersion: base.version, settings: result.settings });
  }

  /** The plan's saved name (steady while its name field is edited), else what is typed. */
  function planLabel(code: string): string {
    const path = `commissionPlans.${code}.name`;
    return initial[path] || values[path] || humanize(code);
  }

  function input(field: FieldSpec, label: string, compact = false) {
    const errorId = `${id}-${field.path}-error`;
    const hintId = `${id}-${field.path}-hint`;
    const value = values[field.path] ?? "";
    const hint = field.kind === "bps" && !compact ? bpsAsPercent(value) : null;
    const problem = problems[field.path];
    const described = [hint ? hintId : "", problem ? errorId : ""].filter(Boolean).join(" ");
    const inputId = `${id}-${field.path}`;
    const control = (
      <input
        id={inputId}
        name={field.path}
        inputMode={field.kind === "bps" ? "numeric" : field.kind === "name" ? "text" : "decimal"}
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
        <legend>Commission plans</legend>
        <p className="muted small" style={{ margin: "0 0 0.6rem" }}>
          What agents earn. Each agent is on one plan, chosen when it is onboarded; the cash-in rate
          is paid by the platform, the share comes out of the customer&apos;s cash-out fee.
        </p>
        <div className={styles.scroll}>
          <table className={`${styles.table} ${styles.wrapHeads}`} data-testid="plans-table">
            <thead>
              <tr>
                <th scope="col">Plan</th>
                {planFields(DEFAULT_PLAN).map((f) => (
                  <th key={f.label} scope="col">
                    {f.kind === "money" ? `${f.label} (${currency})` : f.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {planCodes.map((code) => {
                // Operators know a plan by its name; the code is only its key in the document.
                const planName = planLabel(code);
                return (
                  <tr key={code}>
                    <th scope="row" className={styles.rowHead}>
                      {planName}
                      {savedPlans.includes(code) ? null : (
                        <div>
                          <Button
                            variant="ghost"
                            className={styles.tableButton}
                            aria-label={`Remove the new plan ${planName}`}
                            onClick={() => {
                              setPlanCodes((codes) => codes.filter((c) => c !== code));
                              // Its fields go with it, and so do any problems marked on them.
                              const prefix = `commissionPlans.${code}.`;
                              setProblems((p) =>
                                Object.fromEntries(
                                  Object.entries(p).filter(([path]) => !path.startsWith(prefix)),
                                ),
                              );
                            }}
                          >
                            Remove
                          </Button>
                        </div>
                      )}
                    </th>
                    {planFields(code).map((f) => (
                      <td key={f.path}>{input(f, `${planName}: ${f.label}`, true)}</td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <AddPlan
          existing={planCodes}
          onAdd={(code, name) => {
            setValues((v) => ({ ...v, ...newPlanValues(code, name, DEFAULT_PLAN, v) }));
            setPlanCodes((codes) => [...codes, code]);
          }}
        />
        <p className="muted small">
          A saved plan stays: agents may be on it. Change its rates instead.
        </p>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend>Limits by KYC tier ({currency})</legend>
        <p className="muted small" style={{ margin: "0 0 0.6rem" }}>
          A customer&apos;s tier sets how much one order, one day and their wallet may hold.
        </p>
        <div className={styles.scroll}>
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
                    const field = fields.find((f) => f.path === tierPath(tier, c.key));
                    return (
                      <td key={c.key}>
                        {field
                          ? input(field, `Tier ${tier}: ${c.label} (${currency})`, true)
                          : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
            setPlanCodes(savedPlans);
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

/** Names a new plan; its rates start as the standard plan's, to be edited in the table. */
function AddPlan({
  existing,
  onAdd,
}: {
  existing: readonly string[];
  onAdd: (code: string, name: string) => void;
}) {
  const id = useId();
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | undefined>();

  function add() {
    const wanted = code.trim().toUpperCase();
    const wrong = checkPlanCode(wanted, existing) ?? (name.trim() ? null : "Give the plan a name");
    setProblem(wrong ?? undefined);
    if (wrong) return;
    onAdd(wanted, name.trim());
    setCode("");
    setName("");
  }

  const errorId = `${id}-error`;
  return (
    <div className={styles.fieldCell}>
      <div className="row">
        <label className="field">
          New plan code
          <input
            value={code}
            autoComplete="off"
            placeholder="e.g. RURAL"
            maxLength={24}
            onChange={(e) => setCode(e.target.value)}
            aria-describedby={problem ? errorId : undefined}
          />
        </label>
        <label className="field">
          Name
          <input
            value={name}
            autoComplete="off"
            placeholder="e.g. Rural shops"
            maxLength={40}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <Button onClick={add}>Add plan</Button>
      </div>
      <FieldError id={errorId} message={problem} />
    </div>
  );
}
