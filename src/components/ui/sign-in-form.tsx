"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { Button } from "./button";

interface Props {
  audience: "customer" | "agent" | "admin";
  /** Where to go once signed in. */
  next: string;
  secretLabel?: string;
}

/** Phone + PIN (or password for operators) through next-auth's credentials provider. */
export function SignInForm({ audience, next, secretLabel = "PIN" }: Props) {
  const router = useRouter();
  const [phone, setPhone] = useState("+254");
  const [pin, setPin] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await signIn("credentials", { phone, pin, audience, redirect: false });
      if (!result || result.error) {
        setError(
          result?.error && result.error !== "CredentialsSignin"
            ? result.error
            : "Wrong phone number or PIN",
        );
        return;
      }
      router.replace(next);
      router.refresh();
    } catch {
      setError("We could not reach ProxyPay. Check your connection and try again");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <label className="field">
        Phone number
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
        {secretLabel}
        <input
          name="pin"
          type="password"
          autoComplete="current-password"
          inputMode={secretLabel === "PIN" ? "numeric" : "text"}
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
        Sign in
      </Button>
    </form>
  );
}
