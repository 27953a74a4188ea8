"use client";

import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
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
  checkPlanCode,
  type FieldProblems,
  type FieldSpec,
  type FieldValues,
  fromFields,
  GROUPS,
  newPlanValues,
  type Problem,
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
  const t = useTranslations("control.settings");
  const say = useProblemWords();
  const format = useFormatter();
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
    const problem = say(problems[field.path]);
    const described = [hint ? hintId : "", problem ? errorId : ""].filter(Boolean).join(" ");
    const inputId = `${id}-${field.path}`;
    const control = (
      <input
        id={inputId}
        name={field.path}
        inputMode={
          field.kind === "bps" || field.kind === "hours" || field.kind === "count"
            ? "numeric"
            : field.kind === "name"
              ? "text"
              : "decimal"
        }
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
            {t("percentHint", { percent: hint })}
          </span>
        ) : null}
        <FieldError id={errorId} message={problem} />
      </div>
    );
  }

  /** Basis points as the percentage they mean, to read beside the number typed. */
  function bpsAsPercent(text: string): string | null {
    const bps = Number(text);
    if (!text.trim() || !Number.isFinite(bps)) return null;
    return format.number(bps / 10_000, { style: "percent", maximumFractionDigits: 2 });
  }

  const label = (f: FieldSpec) => t(`fields.${f.label}`);
  const withUnit = (f: FieldSpec) =>
    f.kind === "money" ? t("withUnit", { label: label(f), currency }) : label(f);
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={t("formLabel")}>
      <div className={styles.settingsGroups}>
        {GROUPS.map((group) => (
          <fieldset key={group.title} className={styles.fieldset}>
            <legend>{t(`groups.${group.title}`)}</legend>
            <p className="muted small" style={{ margin: "0 0 0.6rem" }}>
              {t(`groups.${group.title}Explain`)}
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
        <legend>{t("plans")}</legend>
        <p className="muted small" style={{ margin: "0 0 0.6rem" }}>
          {t("plansIntro")}
        </p>
        <div className={styles.scroll}>
          <table className={`${styles.table} ${styles.wrapHeads}`} data-testid="plans-table">
            <thead>
              <tr>
                <th scope="col">{t("plan")}</th>
                {planFields(DEFAULT_PLAN).map((f) => (
                  <th key={f.label} scope="col">
                    {withUnit(f)}
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
                            aria-label={t("removePlan", { plan: planName })}
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
                            {t("remove")}
                          </Button>
                        </div>
                      )}
                    </th>
                    {planFields(code).map((f) => (
                      <td key={f.path}>
                        {input(f, t("planField", { plan: planName, field: label(f) }), true)}
                      </td>
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
        <p className="muted small">{t("planStays")}</p>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend>{t("tiers", { currency })}</legend>
        <p className="muted small" style={{ margin: "0 0 0.6rem" }}>
          {t("tiersIntro")}
        </p>
        <div className={styles.scroll}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t("tier")}</th>
                {TIER_COLUMNS.map((c) => (
                  <th key={c.key} scope="col">
                    {t(`fields.${c.label}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {TIER_IDS.map((tier) => (
                <tr key={tier}>
                  <th scope="row" className={styles.rowHead}>
                    {t("tierN", { tier })}
                  </th>
                  {TIER_COLUMNS.map((c) => {
                    const field = fields.find((f) => f.path === tierPath(tier, c.key));
                    return (
                      <td key={c.key}>
                        {field
                          ? input(
                              field,
                              t("tierField", { tier, field: t(`fields.${c.label}`), currency }),
                              true,
                            )
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
          {t("fixFields")}
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
          {t("save")}
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
          {t("undo")}
        </Button>
        <span className="muted small">
          {changed.length === 0
            ? t("noChanges", { version: base.version })
            : t("changed", { count: changed.length })}
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
  const t = useTranslations("control.settings");
  const say = useProblemWords();
  const id = useId();
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | undefined>();

  function add() {
    const wanted = code.trim().toUpperCase();
    const wrongCode = checkPlanCode(wanted, existing);
    const wrong = wrongCode ? say(wrongCode) : name.trim() ? undefined : t("planNameRequired");
    setProblem(wrong);
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
          {t("newPlanCode")}
          <input
            value={code}
            autoComplete="off"
            placeholder={t("newPlanCodePlaceholder")}
            maxLength={24}
            onChange={(e) => setCode(e.target.value)}
            aria-describedby={problem ? errorId : undefined}
          />
        </label>
        <label className="field">
          {t("newPlanName")}
          <input
            value={name}
            autoComplete="off"
            placeholder={t("newPlanNamePlaceholder")}
            maxLength={40}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <Button onClick={add}>{t("addPlan")}</Button>
      </div>
      <FieldError id={errorId} message={problem} />
    </div>
  );
}

/** A field's problem in the screen's language. */
function useProblemWords(): (problem: Problem | undefined) => string | undefined {
  const t = useTranslations("control.settings.problems");
  return (problem) => (problem ? t(problem.key, problem.values) : undefined);
}
