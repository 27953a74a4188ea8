"use client";

import { useEffect, useState } from "react";
import styles from "./agent.module.css";

const DIGITS = ["1", "2", "3", "4", "5", "6", "7", "8", "9"] as const;

/**
 * The card holder's PIN pad: the whole screen, so the tablet can be handed across the
 * counter and the agent sees neither the digits nor (on the holder's side of the tablet)
 * much of the tapping. Digits are never shown, only dots; the keys do not move between taps
 * (a shuffled pad slows the holder more than an onlooker). The typed PIN lives only in this
 * component's state and leaves it once, in `onSubmit`.
 */
export function PinPad({
  title,
  detail,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  title: string;
  detail: string;
  busy: boolean;
  error: string | null;
  onSubmit: (pin: string) => void;
  onCancel: () => void;
}) {
  const [pin, setPin] = useState("");

  // A refused PIN is cleared so the holder starts again, never edits the old one.
  useEffect(() => {
    if (error) setPin("");
  }, [error]);

  const press = (d: string) => setPin((p) => (p.length < 6 ? p + d : p));
  const ready = pin.length >= 4 && !busy;

  return (
    <div className={styles.pinPad} role="dialog" aria-modal="true" aria-labelledby="pin-title">
      <div className={styles.pinPadInner}>
        <h2 id="pin-title">{title}</h2>
        <p className={styles.pinDetail}>{detail}</p>
        <output className={styles.pinDots} aria-label={`${pin.length} digits typed`}>
          {pin.length === 0 ? "Type your PIN" : "●".repeat(pin.length)}
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
            aria-label="Delete the last digit"
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
            {busy ? "…" : "OK"}
          </button>
        </div>
        <button type="button" className={styles.pinCancel} disabled={busy} onClick={onCancel}>
          Cancel: nothing is paid
        </button>
      </div>
    </div>
  );
}
