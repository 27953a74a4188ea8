"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { PHONE_PATTERN } from "@/domain/codes";
import { useTRPC } from "@/lib/trpc";
import { FormField } from "../shared/form-field";

interface Values {
  phone: string;
  proposerCode: string;
  approverCode: string;
  password: string;
  repeat: string;
}

type Problems = Partial<Record<keyof Values, string>>;

const CODE = /^[0-9A-Za-z]{4}(-?[0-9A-Za-z]{4}){3}$/;

/** The new operator opens the account with both operators' codes and their own password. */
export function ActivateOperatorForm() {
  const t = useTranslations("control.operators.activate");
  const trpc = useTRPC();
  const id = useId();
  const [values, setValues] = useState<Values>({
    phone: "+254",
    proposerCode: "",
    approverCode: "",
    password: "",
    repeat: "",
  });
  const [problems, setProblems] = useState<Problems>({});
  const activate = useMutation(trpc.account.activateOperator.mutationOptions());

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Problems = {};
    if (!PHONE_PATTERN.test(values.phone.trim())) found.phone = t("phoneProblem");
    if (!CODE.test(values.proposerCode.trim())) found.proposerCode = t("codeProblem");
    if (!CODE.test(values.approverCode.trim())) found.approverCode = t("codeProblem");
    if (values.password.length < 12) found.password = t("passwordShort");
    else if (values.password !== values.repeat) found.repeat = t("passwordsDiffer");
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    activate.mutate({
      phone: values.phone.trim(),
      proposerCode: values.proposerCode.trim(),
      approverCode: values.approverCode.trim(),
      password: values.password,
    });
  }

  if (activate.isSuccess) {
    return (
      <div className="stack" role="status">
        <p>{t("opened", { name: activate.data.name })}</p>
        <Link href="/admin/login">{t("signIn")}</Link>
      </div>
    );
  }

  const field = (
    name: keyof Values,
    label: string,
    extra: { type?: string; autoComplete?: string; inputMode?: "tel"; hint?: string } = {},
  ) => (
    <FormField
      formId={id}
      name={name}
      label={label}
      value={values[name]}
      onChange={(value) => setValues((v) => ({ ...v, [name]: value }))}
      problem={problems[name]}
      {...extra}
    />
  );

  return (
    <form className="stack" onSubmit={submit} noValidate>
      {field("phone", t("phone"), { type: "tel", inputMode: "tel", autoComplete: "tel" })}
      {field("proposerCode", t("proposerCode"))}
      {field("approverCode", t("approverCode"))}
      {field("password", t("password"), {
        type: "password",
        autoComplete: "new-password",
        hint: t("passwordHint"),
      })}
      {field("repeat", t("repeat"), { type: "password", autoComplete: "new-password" })}
      <ErrorNote error={activate.error} />
      <Button type="submit" variant="primary" size="big" busy={activate.isPending}>
        {t("submit")}
      </Button>
    </form>
  );
}
