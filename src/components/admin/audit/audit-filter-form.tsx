"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import styles from "../shared/admin.module.css";
import { DateRangeFields, dateRangeProblem, FilterButtons } from "../shared/date-range-fields";
import { FormField } from "../shared/form-field";
import type { AuditEntityType } from "../shared/types";

/** What the log can be narrowed to; each named under control.entityTypes. */
export const ENTITY_TYPES: { value: AuditEntityType }[] = [
  { value: "order" },
  { value: "agent" },
  { value: "customer" },
  { value: "settings" },
];

export const ACTION = /^[a-z_.]{1,60}$/;
export const ENTITY_ID = /^[0-9A-Za-z-]{1,64}$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The search as typed: every value a string, empty meaning "any". */
export interface AuditFilterValues {
  action: string;
  entityType: string;
  entityId: string;
  actorId: string;
  from: string;
  to: string;
}

type Problems = Partial<Record<keyof AuditFilterValues, string>>;

function check(
  v: AuditFilterValues,
  t: (key: "actionProblem" | "entityIdProblem" | "actorProblem") => string,
): Problems {
  const problems: Problems = {};
  if (v.action && !ACTION.test(v.action)) problems.action = t("actionProblem");
  if (v.entityId && !ENTITY_ID.test(v.entityId)) problems.entityId = t("entityIdProblem");
  if (v.actorId && !UUID.test(v.actorId)) problems.actorId = t("actorProblem");
  // The date range's words come from the shared date fields.
  const range = dateRangeProblem(v.from, v.to);
  if (range) problems.to = range;
  return problems;
}

interface Props {
  initial: AuditFilterValues;
  onSearch: (values: AuditFilterValues) => void;
  onClear: () => void;
}

export function AuditFilterForm({ initial, onSearch, onClear }: Props) {
  const t = useTranslations("control.audit");
  const types = useTranslations("control.entityTypes");
  const id = useId();
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<Problems>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const cleaned: AuditFilterValues = {
      ...values,
      action: values.action.trim().toLowerCase(),
      entityId: values.entityId.trim(),
      actorId: values.actorId.trim().toLowerCase(),
    };
    const found = check(cleaned, t);
    setProblems(found);
    if (Object.keys(found).length === 0) onSearch(cleaned);
  }

  function text(name: "action" | "entityId" | "actorId", label: string, placeholder: string) {
    return (
      <FormField
        formId={id}
        name={name}
        label={label}
        code
        placeholder={placeholder}
        value={values[name]}
        onChange={(value) => setValues((v) => ({ ...v, [name]: value }))}
        problem={problems[name]}
      />
    );
  }

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={t("formLabel")}>
      <div className={styles.filterGrid}>
        {text("action", t("actionLabel"), t("actionPlaceholder"))}
        <label className="field">
          {t("entityType")}
          <select
            name="entityType"
            value={values.entityType}
            onChange={(e) => setValues((v) => ({ ...v, entityType: e.target.value }))}
          >
            <option value="">{t("everything")}</option>
            {ENTITY_TYPES.map((type) => (
              <option key={type.value} value={type.value}>
                {types(type.value)}
              </option>
            ))}
          </select>
        </label>
        {text("entityId", t("entityId"), t("entityIdPlaceholder"))}
        {text("actorId", t("actor"), t("actorPlaceholder"))}
        <DateRangeFields
          formId={id}
          from={values.from}
          to={values.to}
          onChange={(range) => setValues((v) => ({ ...v, ...range }))}
          problem={problems.to}
        />
      </div>
      <FilterButtons onClear={onClear} />
    </form>
  );
}
