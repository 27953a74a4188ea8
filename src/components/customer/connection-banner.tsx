"use client";

import { useLocale, useTranslations } from "next-intl";
import { type ReactNode, useEffect, useState } from "react";
import { useOnline } from "@/components/ui/use-online";
import { INTL_TAG } from "@/i18n/locales";
import styles from "./customer.module.css";

/** What a screen knows about its connection; "online" unless it follows a live stream. */
export type Connection = "online" | "offline" | "reconnecting";

/**
 * Says, politely, when the phone has lost its connection and what the screen shows
 * meanwhile. The live region is always in the page (empty while online), so a screen reader
 * announces the change when it comes, not only text that was there on load.
 *
 * `connection` comes from a screen that follows the live stream (the order); without it, the
 * browser's navigator.onLine decides.
 */
export function ConnectionBanner({ connection }: { connection?: Connection }) {
  const t = useTranslations("customer.connection");
  const online = useOnline();
  const state: Connection = !online ? "offline" : (connection ?? "online");
  const since = useSince(state !== "online");
  return (
    // aria-live without role="status": an always-present empty status role would be a second
    // "status" on every screen, next to the ones screens use for their own messages.
    <div aria-live="polite" aria-atomic="true" className={styles.connection}>
      {state === "offline" ? (
        <p className={`${styles.connectionBanner} ${styles.offline}`} data-testid="offline-banner">
          {since ? t.rich("offlineSince", { time: since, b }) : t.rich("offline", { b })}
        </p>
      ) : state === "reconnecting" ? (
        <p className={styles.connectionBanner} data-testid="reconnecting-banner">
          {since ? t.rich("reconnectingSince", { time: since, b }) : t.rich("reconnecting", { b })}
        </p>
      ) : null}
    </div>
  );
}

const b = (chunks: ReactNode) => <strong>{chunks}</strong>;

/** The time the connection was lost, as the phone's clock shows it, in the screen's language. */
function useSince(lost: boolean): string | null {
  const tag = INTL_TAG[useLocale()];
  const [since, setSince] = useState<string | null>(null);
  useEffect(() => {
    setSince(
      lost ? new Date().toLocaleTimeString(tag, { hour: "2-digit", minute: "2-digit" }) : null,
    );
  }, [lost, tag]);
  return since;
}
