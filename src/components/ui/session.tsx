"use client";

import type { Session } from "next-auth";
import { createContext, type ReactNode, useContext } from "react";

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
  const value: SessionState = session
    ? { data: session, status: "authenticated" }
    : { data: null, status: "unauthenticated" };
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionState {
  return useContext(SessionContext);
}
