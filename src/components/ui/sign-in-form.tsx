"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { signInWithPin } from "@/lib/auth-client";
import { Button } from "./button";

interface Props {
  audience: "customer" | "agent" | "admin";
  /** Where to go once signed in. */
  next: string;
  /** The secret's label when it is not a PIN (operators' "Password"); a PIN by default. */
  secretLabel?: string;
}

/** Phone + PIN (or password for operators) through next-auth's credentials provider. */
export function SignInForm({ audience, next, secretLabel }: Props) {
  const t = useTranslations("common.ui.signIn");
  const [phone, setPhone] = useState("+254");
  const [pin, setPin] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const refused = await signInWithPin({ phone, pin, audience });
      if (refused) {
        setError(refused !== "CredentialsSignin" ? refused : t("wrong"));
        setBusy(false);
        return;
      }
      // A fresh page load: every screen reads the new session on the server.
      window.location.replace(next);
    } catch {
      setError(t("unreachable"));
      setBusy(false);
    }
  }

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <label className="field">
        {t("phone")}
        <input
          name="phone"
          type="tel"
          autoComplete="tel"
          inputMode="tel"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          required
        />
      </label>
      <label className="field">
        {secretLabel ?? t("pin")}
        <input
          name="pin"
          type="password"
          autoComplete="current-password"
          inputMode={secretLabel === undefined ? "numeric" : "text"}
          value={pin}
          onChange={(e) => setPin(e.target.value)}
          required
        />
      </label>
      {error ? (
        <p className="alert error" role="alert">
          {error}
        </p>
      ) : null}
      <Button type="submit" variant="primary" size="big" busy={busy}>
        {t("submit")}
      </Button>
    </form>
  );
}
