"use client";

import { useRouter } from "next/navigation";
import { signOut, useSession } from "next-auth/react";
import { type ReactNode, useEffect } from "react";
import { Button } from "@/components/ui/button";

/** Renders its children only for a signed-in agent; anyone else is sent to sign in. */
export function AgentGate({ children }: { children: ReactNode }) {
  const { data, status } = useSession();
  const router = useRouter();

  useEffect(() => {
    if (status === "unauthenticated") router.replace("/agent/login");
  }, [status, router]);

  if (status !== "authenticated") {
    return (
      <main className="page">
        <p className="row muted">
          <span className="spinner" aria-hidden /> Loading…
        </p>
      </main>
    );
  }

  if (data.user.role !== "AGENT") {
    // A customer's or operator's session left on the shop tablet must not reach the counter.
    return (
      <main className="page narrow">
        <div className="card stack">
          <h1>This is the agent app</h1>
          <p className="muted">
            You are signed in with a {data.user.role.toLowerCase()} account. Sign out, then sign in
            with your shop&apos;s agent account.
          </p>
          <Button variant="primary" onClick={() => void signOut({ callbackUrl: "/agent/login" })}>
            Sign out
          </Button>
        </div>
      </main>
    );
  }

  return <>{children}</>;
}
