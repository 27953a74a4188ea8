"use client";

import { useEffect, useState } from "react";
import { useOnline } from "@/components/ui/use-online";
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
  const online = useOnline();
  const state: Connection = !online ? "offline" : (connection ?? "online");
  const since = useSince(state !== "online");
  return (
    // aria-live without role="status": an always-present empty status role would be a second
    // "status" on every screen, next to the ones screens use for their own messages.
    <div aria-live="polite" aria-atomic="true" className={styles.connection}>
      {state === "offline" ? (
        <p className={`${styles.connectionBanner} ${styles.offline}`} data-testid="offline-banner">
          <strong>You are offline</strong>
          {since ? ` since ${since}` : ""}. This screen catches up when you reconnect.
        </p>
      ) : state === "reconnecting" ? (
        <p className={styles.connectionBanner} data-testid="reconnecting-banner">
          <strong>Reconnecting…</strong> Live updates paused{since ? ` at ${since}` : ""}.
        </p>
      ) : null}
    </div>
  );
}

/** The time the connection was lost, as the phone's clock shows it. */
function useSince(lost: boolean): string | null {
  const [since, setSince] = useState<string | null>(null);
  useEffect(() => {
    setSince(
      lost ? new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) : null,
    );
  }, [lost]);
  return since;
}
