"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { parseTypedCode } from "@/domain/codes";
import styles from "./agent.module.css";

/** Groups the digits as the customer's phone shows them ("1234 5678 9") while typing. */
function grouped(input: string): string {
  const digits = input.replace(/\D/g, "").slice(0, 9);
  return [digits.slice(0, 4), digits.slice(4, 8), digits.slice(8)].filter(Boolean).join(" ");
}

interface Props {
  disabled: boolean;
  busy: boolean;
  onCode: (code: string) => void;
}

/**
 * The fallback when the QR cannot be scanned. The check digit is verified here first, so
 * a typo is caught at once and does not count against the server's lookup limit.
 */
export function TypedCodeForm({ disabled, busy, onCode }: Props) {
  const t = useTranslations("agent.typedCode");
  const [value, setValue] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  // The field locks once an order is on the counter; the code it holds is used up by then.
  // Until then it keeps the digits, so a refused code can be corrected instead of retyped.
  useEffect(() => {
    if (disabled) setValue("");
  }, [disabled]);

  function submit(event: FormEvent) {
    event.preventDefault();
    // parseTypedCode's own refusals are English: these are the same two, in the screen's language.
    if (value.replace(/\D/g, "").length !== 9) {
      setProblem(t("nineDigits"));
      return;
    }
    let code: string;
    try {
      code = parseTypedCode(value);
    } catch {
      setProblem(t("notRight"));
      return;
    }
    setProblem(null);
    onCode(code);
  }

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <div className={styles.codeRow}>
        <label className="field">
          {t("label")}
          <input
            name="code"
            inputMode="numeric"
            autoComplete="off"
            placeholder="1234 5678 9"
            value={value}
            disabled={disabled}
            aria-invalid={problem !== null}
            aria-describedby="typed-code-hint"
            onChange={(e) => {
              setValue(grouped(e.target.value));
              setProblem(null);
            }}
          />
        </label>
        <Button type="submit" disabled={disabled} busy={busy}>
          {t("find")}
        </Button>
      </div>
      <p id="typed-code-hint" className={`muted small ${styles.hint}`}>
        {t("hint")}
      </p>
      {problem ? (
        <p className="alert error" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
