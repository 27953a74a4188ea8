"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { signInWithPin } from "@/lib/auth-client";
import { useTRPC } from "@/lib/trpc";
import styles from "./customer.module.css";

const PIN_PATTERN = /^\d{4,6}$/;

type Step =
  | { at: "phone" }
  | { at: "code"; codeId: string; sentTo: string }
  | { at: "details"; ticket: string };

/**
 * Three steps: the phone number (a code goes to it by SMS), the code (proves the number is
 * yours), then name and PIN. The server answers the first step the same way whether or not
 * the number has a wallet already; only the SMS differs.
 */
export function SignUpForm() {
  const t = useTranslations("customer.signUp");
  const trpc = useTRPC();
  const router = useRouter();
  const [step, setStep] = useState<Step>({ at: "phone" });
  const [phone, setPhone] = useState("+254");
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [pin, setPin] = useState("");
  const [pinAgain, setPinAgain] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  const requestCode = useMutation(trpc.account.requestSignUpCode.mutationOptions());
  const verifyCode = useMutation(trpc.account.verifySignUpCode.mutationOptions());
  const signUp = useMutation(trpc.account.signUp.mutationOptions());

  function resetErrors() {
    setProblem(null);
    requestCode.reset();
    verifyCode.reset();
    signUp.reset();
  }

  async function sendCode(event: FormEvent) {
    event.preventDefault();
    resetErrors();
    try {
      const sent = await requestCode.mutateAsync({ phone: phone.trim() });
      setCode("");
      setStep({ at: "code", codeId: sent.codeId, sentTo: sent.sentTo });
    } catch {
      // requestCode.error shows the server's reason.
    }
  }

  async function checkCode(event: FormEvent) {
    event.preventDefault();
    if (step.at !== "code") return;
    resetErrors();
    if (!/^\d{6}$/.test(code.trim())) return setProblem(t("codeInvalid"));
    try {
      const { ticket } = await verifyCode.mutateAsync({ codeId: step.codeId, code: code.trim() });
      setStep({ at: "details", ticket });
    } catch {
      // verifyCode.error shows the server's reason.
    }
  }

  async function createWallet(event: FormEvent) {
    event.preventDefault();
    if (step.at !== "details") return;
    resetErrors();
    // Checked here so a typo costs no round trip; the server checks again.
    if (!PIN_PATTERN.test(pin)) return setProblem(t("pinInvalid"));
    if (pin !== pinAgain) return setProblem(t("pinMismatch"));
    try {
      await signUp.mutateAsync({ ticket: step.ticket, name, pin });
    } catch {
      return; // signUp.error shows the server's reason.
    }
    setSigningIn(true);
    try {
      const refused = await signInWithPin({ phone: phone.trim(), pin, audience: "customer" });
      if (refused) {
        // The wallet exists; only the automatic sign-in failed, so ask for a manual one.
        router.replace("/customer/login?created=1");
        return;
      }
      // A fresh page load: the wallet home reads the new session on the server. The button
      // stays busy until the page goes.
      window.location.replace("/customer");
    } catch {
      setSigningIn(false);
      router.replace("/customer/login?created=1");
    }
  }

  if (step.at === "phone") {
    return (
      <form className="stack" onSubmit={sendCode} noValidate>
        <label className="field">
          {t("phone")}
          <input
            aria-describedby="signup-phone-hint"
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            required
          />
        </label>
        <span id="signup-phone-hint" className={`small muted ${styles.hintBelow}`}>
          {t("phoneHint")}
        </span>
        <ErrorNote error={requestCode.error} />
        <Button type="submit" variant="primary" size="big" busy={requestCode.isPending}>
          {t("sendCode")}
        </Button>
      </form>
    );
  }

  if (step.at === "code") {
    return (
      <form className="stack" onSubmit={checkCode} noValidate>
        <p role="status">{t("sent", { phone: step.sentTo })}</p>
        <label className="field">
          {t("code")}
          <input
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            required
          />
        </label>
        <ErrorNote error={problem ? { message: problem } : verifyCode.error} />
        <Button type="submit" variant="primary" size="big" busy={verifyCode.isPending}>
          {t("checkCode")}
        </Button>
        <Button
          type="button"
          onClick={() => {
            resetErrors();
            setStep({ at: "phone" });
          }}
        >
          {t("changeNumber")}
        </Button>
      </form>
    );
  }

  return (
    <form className="stack" onSubmit={createWallet} noValidate>
      <label className="field">
        {t("name")}
        <input
          name="name"
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={80}
          required
        />
      </label>
      <label className="field">
        {t("pin")}
        <input
          aria-describedby="signup-pin-hint"
          name="pin"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          maxLength={6}
          value={pin}
          onChange={(e) => setPin(e.target.value)}
          required
        />
      </label>
      <span id="signup-pin-hint" className={`small muted ${styles.hintBelow}`}>
        {t("pinHint")}
      </span>
      <label className="field">
        {t("pinAgain")}
        <input
          name="pinAgain"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          maxLength={6}
          value={pinAgain}
          onChange={(e) => setPinAgain(e.target.value)}
          required
        />
      </label>
      <ErrorNote error={problem ? { message: problem } : signUp.error} />
      <Button type="submit" variant="primary" size="big" busy={signUp.isPending || signingIn}>
        {t("create")}
      </Button>
    </form>
  );
}
