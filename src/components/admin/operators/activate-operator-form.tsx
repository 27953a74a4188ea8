"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
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
    if (!PHONE_PATTERN.test(values.phone.trim()))
      found.phone = "Enter your phone in international form, like +254712345678";
    if (!CODE.test(values.proposerCode.trim()))
      found.proposerCode = "16 letters and digits, like ABCD-EFGH-JKMN-PQRS";
    if (!CODE.test(values.approverCode.trim()))
      found.approverCode = "16 letters and digits, like ABCD-EFGH-JKMN-PQRS";
    if (values.password.length < 12) found.password = "Use at least 12 characters";
    else if (values.password !== values.repeat) found.repeat = "The two passwords differ";
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
        <p>Your operator account is open, {activate.data.name}.</p>
        <Link href="/admin/login">Sign in with your phone number and new password</Link>
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
      {field("phone", "Phone number", { type: "tel", inputMode: "tel", autoComplete: "tel" })}
      {field("proposerCode", "Code from the operator who proposed you")}
      {field("approverCode", "Code from the operator who approved you")}
      {field("password", "New password", {
        type: "password",
        autoComplete: "new-password",
        hint: "At least 12 characters",
      })}
      {field("repeat", "New password again", { type: "password", autoComplete: "new-password" })}
      <ErrorNote error={activate.error} />
      <Button type="submit" variant="primary" size="big" busy={activate.isPending}>
        Open my account
      </Button>
    </form>
  );
}
