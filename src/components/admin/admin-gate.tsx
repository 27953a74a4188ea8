"use client";

import { useRouter } from "next/navigation";
import { signOut, useSession } from "next-auth/react";
import { type ReactNode, useEffect } from "react";
import { Button } from "@/components/ui/button";

/** Renders its children only for a signed-in operator; anyone else is sent to sign in. */
export function AdminGate({ children }: { children: ReactNode }) {
  const { data, status } = useSession();
  const router = useRouter();

  useEffect(() => {
    if (status === "unauthenticated") router.replace("/admin/login");
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

  if (data.user.role !== "ADMIN") {
    // The server refuses every admin call anyway; this says why instead of a wall of errors.
    return (
      <main className="page narrow">
        <div className="card stack">
          <h1>This is the operator dashboard</h1>
          <p className="muted">
            You are signed in with a {data.user.role.toLowerCase()} account. Sign out, then sign in
            with an operator account.
          </p>
          <Button variant="primary" onClick={() => void signOut({ callbackUrl: "/admin/login" })}>
            Sign out
          </Button>
        </div>
      </main>
    );
  }

  return <>{children}</>;
}
