"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";
import { useTRPC } from "@/lib/trpc";
import styles from "./customer.module.css";

const PIN_PATTERN = /^\d{4,6}$/;

export function SignUpForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState("");
  const [phone, setPhone] = useState("+254");
  const [pin, setPin] = useState("");
  const [pinAgain, setPinAgain] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  const signUp = useMutation(trpc.account.signUp.mutationOptions());

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    signUp.reset();
    // Checked here so a typo costs no round trip; the server checks again.
    if (!PIN_PATTERN.test(pin)) return setProblem("The PIN is 4 to 6 digits");
    if (pin !== pinAgain) return setProblem("The two PINs are not the same. Type them again");
    try {
      await signUp.mutateAsync({ name, phone: phone.trim(), pin });
    } catch {
      return; // signUp.error shows the server's reason.
    }
    setSigningIn(true);
    try {
      const result = await signIn("credentials", {
        phone: phone.trim(),
        pin,
        audience: "customer",
        redirect: false,
      });
      if (!result || result.error) {
        // The wallet exists; only the automatic sign-in failed, so ask for a manual one.
        router.replace("/customer/login?created=1");
        return;
      }
      router.replace("/customer");
      router.refresh();
    } catch {
      router.replace("/customer/login?created=1");
    } finally {
      setSigningIn(false);
    }
  }

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <label className="field">
        Your name
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
        Phone number
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
        With the country code, like +254712345678
      </span>
      <label className="field">
        PIN
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
        4 to 6 digits. Do not share it with anyone, not even an agent
      </span>
      <label className="field">
        Confirm PIN
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
        Create wallet
      </Button>
    </form>
  );
}
