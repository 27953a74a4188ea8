"use client";

import { NextIntlClientProvider, useLocale, useTimeZone, useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { useFormatMoney } from "@/components/ui/money";
import type { CurrencyCode } from "@/domain/money";
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from "@/i18n/locales";
import type { Messages } from "@/i18n/messages";
import styles from "./agent.module.css";

const DIGITS = ["1", "2", "3", "4", "5", "6", "7", "8", "9"] as const;

type AgentMessages = Messages["agent"];

/**
 * The pad is the customer's, not the shop's: the holder may read another language than the
 * agent. The browser has only the screen's language, so another one's words load when the
 * holder picks it (a small file; static imports so every bundler splits them).
 */
const PAD_MESSAGES: Readonly<Record<Locale, () => Promise<{ default: AgentMessages }>>> = {
  en: () => import("../../../messages/en/agent.json"),
  sw: () => import("../../../messages/sw/agent.json"),
  fr: () => import("../../../messages/fr/agent.json"),
  zh: () => import("../../../messages/zh/agent.json"),
};

interface PadProps {
  type: "CASH_IN" | "CASH_OUT";
  holderName: string;
  amount: bigint;
  currency: CurrencyCode;
  busy: boolean;
  /** The server's refusal (a wrong PIN), in the screen's language. */
  error: string | null;
  onSubmit: (pin: string) => void;
  onCancel: () => void;
}

/**
 * The card holder's PIN pad: the whole screen, so the tablet can be handed across the
 * counter and the agent sees neither the digits nor (on the holder's side of the tablet)
 * much of the tapping. Digits are never shown, only dots; the keys do not move between taps
 * (a shuffled pad slows the holder more than an onlooker). The typed PIN lives only in this
 * component's state and leaves it once, in `onSubmit`.
 *
 * It opens in the screen's language and has its own language choice for the holder. That
 * choice is the pad's alone: it neither changes the shop's screen nor is saved to the
 * agent's account, and the next holder starts again in the screen's language.
 */
export function PinPad(props: PadProps) {
  const screenLocale = useLocale();
  const timeZone = useTimeZone();
  const [padLocale, setPadLocale] = useState<Locale>(screenLocale);
  const [loaded, setLoaded] = useState<Partial<Record<Locale, AgentMessages>>>({});
  const [pin, setPin] = useState("");

  function choose(value: string) {
    if (!isLocale(value)) return;
    if (value === screenLocale || loaded[value]) {
      setPadLocale(value);
      return;
    }
    PAD_MESSAGES[value]()
      .then((module) => {
        setLoaded((all) => ({ ...all, [value]: module.default }));
        setPadLocale(value);
      })
      // Offline with that language not yet loaded: the pad stays in the language it shows.
      .catch(() => undefined);
  }

  const body = (
    <PadBody {...props} pin={pin} setPin={setPin} padLocale={padLocale} onLanguage={choose} />
  );
  const messages = loaded[padLocale];
  if (padLocale === screenLocale || !messages) return body;
  return (
    <NextIntlClientProvider locale={padLocale} messages={{ agent: messages }} timeZone={timeZone}>
      {body}
    </NextIntlClientProvider>
  );
}

function PadBody({
  type,
  holderName,
  amount,
  currency,
  busy,
  error,
  onSubmit,
  onCancel,
  pin,
  setPin,
  padLocale,
  onLanguage,
}: PadProps & {
  pin: string;
  setPin: (update: (pin: string) => string) => void;
  padLocale: Locale;
  onLanguage: (locale: string) => void;
}) {
  const t = useTranslations("agent.pinPad");
  const formatMoney = useFormatMoney();
  const languageId = useId();

  // A refused PIN is cleared so the holder starts again, never edits the old one.
  useEffect(() => {
    if (error) setPin(() => "");
  }, [error, setPin]);

  const press = (d: string) => setPin((p) => (p.length < 6 ? p + d : p));
  const ready = pin.length >= 4 && !busy;

  return (
    <div
      className={styles.pinPad}
      role="dialog"
      aria-modal="true"
      aria-labelledby="pin-title"
      lang={padLocale}
    >
      <div className={styles.pinPadInner}>
        <div className={`language-switcher ${styles.pinLanguage}`}>
          <label htmlFor={languageId} className="sr-only">
            {t("language")}
          </label>
          <select
            id={languageId}
            value={padLocale}
            disabled={busy}
            onChange={(event) => onLanguage(event.target.value)}
          >
            {LOCALES.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {LOCALE_NAMES[locale]}
              </option>
            ))}
          </select>
        </div>
        <h2 id="pin-title">{t("title", { type, name: holderName })}</h2>
        <p className={styles.pinDetail}>
          {t("detail", { type, amount: formatMoney(amount, currency) })}
        </p>
        <output className={styles.pinDots} aria-label={t("typed", { count: pin.length })}>
          {pin.length === 0 ? t("typePin") : "●".repeat(pin.length)}
        </output>
        {/* Gone once the holder starts again, so the old refusal is not read as the new one's. */}
        {error && pin === "" ? (
          <p className="alert error" role="alert">
            {error}
          </p>
        ) : null}
        <div className={styles.pinKeys}>
          {DIGITS.map((d) => (
            <button key={d} type="button" disabled={busy} onClick={() => press(d)}>
              {d}
            </button>
          ))}
          <button
            type="button"
            disabled={busy || pin.length === 0}
            onClick={() => setPin((p) => p.slice(0, -1))}
            aria-label={t("deleteDigit")}
          >
            ⌫
          </button>
          <button type="button" disabled={busy} onClick={() => press("0")}>
            0
          </button>
          <button
            type="button"
            className={styles.pinOk}
            disabled={!ready}
            onClick={() => onSubmit(pin)}
          >
            {busy ? "…" : t("ok")}
          </button>
        </div>
        <button type="button" className={styles.pinCancel} disabled={busy} onClick={onCancel}>
          {t("cancel")}
        </button>
      </div>
    </div>
  );
}
