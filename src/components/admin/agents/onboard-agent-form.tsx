"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { PHONE_PATTERN } from "@/domain/codes";
import { DEFAULT_PLAN } from "@/domain/commission-plan";
import type { Messages } from "@/i18n/messages";
import { useIdempotencyKey } from "@/lib/idempotency";
import { useTRPC } from "@/lib/trpc";
import styles from "../shared/admin.module.css";
import { FormField } from "../shared/form-field";
import { useRefreshAdmin } from "../shared/use-refresh-admin";
import { PlanSelect } from "./commission-plans";

interface Values {
  shopName: string;
  ownerName: string;
  ownerPhone: string;
  pin: string;
  locationText: string;
  commissionPlan: string;
  latitude: string;
  longitude: string;
}

type Problems = Partial<Record<keyof Values, string>>;

const EMPTY: Values = {
  shopName: "",
  ownerName: "",
  ownerPhone: "+254",
  pin: "",
  locationText: "",
  commissionPlan: DEFAULT_PLAN,
  latitude: "",
  longitude: "",
};

/**
 * The server checks all of this again; checking here too lets the operator fix every field
 * in one go, beside the field, instead of one server message at a time. Gives each wrong
 * field's message key under admin.agents.onboard.problems.
 */
function check(v: Values): Partial<Record<keyof Values, keyof ProblemWords>> {
  const problems: Partial<Record<keyof Values, keyof ProblemWords>> = {};
  if (!v.shopName.trim()) problems.shopName = "shopName";
  if (!v.ownerName.trim()) problems.ownerName = "ownerName";
  if (!PHONE_PATTERN.test(v.ownerPhone.trim())) problems.ownerPhone = "ownerPhone";
  if (!/^\d{4,6}$/.test(v.pin)) problems.pin = "pin";
  if (!v.locationText.trim()) problems.locationText = "locationText";
  const lat = optionalNumber(v.latitude);
  if (lat === null || (lat !== undefined && Math.abs(lat) > 90)) problems.latitude = "latitude";
  const lng = optionalNumber(v.longitude);
  if (lng === null || (lng !== undefined && Math.abs(lng) > 180)) problems.longitude = "longitude";
  return problems;
}

type ProblemWords = Messages["admin"]["agents"]["onboard"]["problems"];

/** undefined when left empty, null when not a number. */
function optionalNumber(text: string): number | undefined | null {
  if (!text.trim()) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

interface Props {
  onCreated: (shopName: string) => void;
  onCancel: () => void;
}

export function OnboardAgentForm({ onCreated, onCancel }: Props) {
  const t = useTranslations("admin.agents.onboard");
  const trpc = useTRPC();
  const refresh = useRefreshAdmin();
  const id = useId();
  const [values, setValues] = useState<Values>(EMPTY);
  const [problems, setProblems] = useState<Problems>({});
  // One key per shop being opened: a retry after a lost response returns the shop opened.
  // Editing any field makes it another request, with a key of its own.
  const idempotency = useIdempotencyKey();
  function change(patch: Partial<Values>) {
    idempotency.rotate();
    setValues((v) => ({ ...v, ...patch }));
  }
  const onboard = useMutation(
    trpc.admin.onboardAgent.mutationOptions({
      onSuccess: async (_created, input) => {
        idempotency.rotate();
        await refresh();
        onCreated(input.shopName);
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = check(values);
    setProblems(
      Object.fromEntries(
        Object.entries(found).map(([name, key]) => [name, t(`problems.${key}`)]),
      ) as Problems,
    );
    if (Object.keys(found).length > 0) return;
    const latitude = optionalNumber(values.latitude) ?? undefined;
    const longitude = optionalNumber(values.longitude) ?? undefined;
    onboard.mutate({
      shopName: values.shopName.trim(),
      ownerName: values.ownerName.trim(),
      ownerPhone: values.ownerPhone.trim(),
      pin: values.pin,
      locationText: values.locationText.trim(),
      commissionPlan: values.commissionPlan,
      idempotencyKey: idempotency.key(),
      ...(latitude !== undefined ? { latitude } : {}),
      ...(longitude !== undefined ? { longitude } : {}),
    });
  }

  function field(
    name: keyof Values,
    label: string,
    input: { type?: string; inputMode?: "numeric" | "tel" | "decimal"; hint?: string } = {},
  ) {
    return (
      <FormField
        formId={id}
        name={name}
        label={label}
        value={values[name]}
        onChange={(value) => change({ [name]: value })}
        problem={problems[name]}
        {...input}
      />
    );
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("title")}</h2>
      <p className="muted small">{t("explain")}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <div className={styles.formGrid}>
          {field("shopName", t("shopName"))}
          {field("ownerName", t("ownerName"))}
          {field("ownerPhone", t("ownerPhone"), { type: "tel", inputMode: "tel" })}
          {field("pin", t("pin"), {
            inputMode: "numeric",
            hint: t("pinHint"),
          })}
          <div className={styles.span2}>
            {field("locationText", t("location"), { hint: t("locationHint") })}
          </div>
          <div className={styles.span2}>
            <PlanSelect
              label={t("plan")}
              value={values.commissionPlan}
              onChange={(commissionPlan) => change({ commissionPlan })}
            />
          </div>
          {field("latitude", t("latitude"), { type: "number", inputMode: "decimal" })}
          {field("longitude", t("longitude"), { type: "number", inputMode: "decimal" })}
        </div>
        <ErrorNote error={onboard.error} />
        <div className="row">
          <Button type="submit" variant="primary" busy={onboard.isPending}>
            {t("submit")}
          </Button>
          <Button variant="ghost" onClick={onCancel} disabled={onboard.isPending}>
            {t("cancel")}
          </Button>
        </div>
      </form>
    </section>
  );
}
