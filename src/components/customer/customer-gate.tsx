"use client";

import { useRouter } from "next/navigation";
import { signOut, useSession } from "next-auth/react";
import { type ReactNode, useEffect } from "react";
import { Button } from "@/components/ui/button";
import styles from "./customer.module.css";
import { CustomerShell } from "./customer-shell";

/** Renders its children only for a signed-in customer; anyone else is sent to sign in. */
export function CustomerGate({ children }: { children: ReactNode }) {
  const { data, status } = useSession();
  const router = useRouter();

  useEffect(() => {
    if (status === "unauthenticated") router.replace("/customer/login");
  }, [status, router]);

  if (status !== "authenticated") {
    return (
      <CustomerShell>
        <div className={`muted row ${styles.loading}`}>
          <span className="spinner" aria-hidden /> Loading…
        </div>
      </CustomerShell>
    );
  }

  if (data.user.role !== "CUSTOMER") {
    // An agent's session on a shared device must not see someone's wallet screens.
    return (
      <CustomerShell>
        <div className="card stack">
          <h1 className={styles.title}>This is the customer app</h1>
          <p className="muted">
            You are signed in with an {data.user.role === "AGENT" ? "agent" : "operator"} account.
            Sign out to use a customer wallet here.
          </p>
          <Button
            variant="primary"
            onClick={() => void signOut({ callbackUrl: "/customer/login" })}
          >
            Sign out
          </Button>
        </div>
      </CustomerShell>
    );
  }

  return <>{children}</>;
}
