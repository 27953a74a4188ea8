"use client";

import type { Session } from "next-auth";
import { createContext, type ReactNode, useContext, useEffect } from "react";

type SessionState =
  | { data: Session; status: "authenticated" }
  | { data: null; status: "unauthenticated" };

const SessionContext = createContext<SessionState>({ data: null, status: "unauthenticated" });

/**
 * The session the server read for this page (src/lib/session.ts), for client components.
 * Same shape as next-auth/react's useSession, without its client: the page never waits for
 * /api/auth/session. It changes by loading a page: sign-in and sign-out navigate afresh.
 */
export function SessionProvider({
  session,
  children,
}: {
  session: Session | null;
  children: ReactNode;
}) {
  useKeepSessionAlive(session !== null);
  const value: SessionState = session
    ? { data: session, status: "authenticated" }
    : { data: null, status: "unauthenticated" };
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionState {
  return useContext(SessionContext);
}

/** At most one session refresh a minute, across the pages of this tab. */
const REFRESH_EVERY_MS = 60_000;
let lastRefresh = 0;

/**
 * The session cookie lasts 12 hours from when next-auth last wrote it, and it writes it when
 * /api/auth/session is asked; a page rendered on the server cannot. next-auth's client asked
 * on every page load and whenever the tab came back; this does the same, once the page is
 * up (never in the way of its first load) and when the tab comes back: a shop's tablet in
 * use all day stays signed in. A session that has ended meanwhile (account locked, signed
 * out elsewhere) reloads the page, whose gate then sends the person to sign in.
 */
function useKeepSessionAlive(signedIn: boolean): void {
  useEffect(() => {
    if (!signedIn) return;
    const refresh = () => {
      if (document.visibilityState !== "visible") return;
      if (Date.now() - lastRefresh < REFRESH_EVERY_MS) return;
      lastRefresh = Date.now();
      fetch("/api/auth/session", { cache: "no-store" })
        .then((response) => (response.ok ? response.json() : null))
        .then((body: { user?: unknown } | null) => {
          // next-auth answers {} when there is no session any more.
          if (body && typeof body === "object" && !body.user) window.location.reload();
        })
        .catch(() => {}); // offline: the next visit asks again
    };
    const idle = window.requestIdleCallback
      ? window.requestIdleCallback(refresh, { timeout: 5_000 })
      : window.setTimeout(refresh, 1_000);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      if (window.cancelIdleCallback) window.cancelIdleCallback(idle);
      else window.clearTimeout(idle);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [signedIn]);
}
