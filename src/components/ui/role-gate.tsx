"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useEffect } from "react";
import type { Role } from "@/generated/prisma/enums";
import { accountLabel } from "./account-label";
import { useSession } from "./session";
import { SignOutButton } from "./sign-out-button";

interface Props {
  allow: Role;
  /** Where signed-out visitors go, and where Sign out leads. */
  loginPath: string;
  /** "the agent app", "the operator dashboard"... */
  appName: string;
  /** What to sign in with instead: "your shop's agent account". */
  rightAccount: string;
  /** The audience's page frame (phone shell, plain page). */
  frame?: (children: ReactNode) => ReactNode;
  children: ReactNode;
}

const plainFrame = (children: ReactNode) => <main className="page narrow">{children}</main>;

/**
 * Renders its children only for a signed-in user of one role, in client screens (the operator
 * dashboard's; customer and agent pages use ServerRoleGate). The session is the one the
 * server read for the page (SessionProvider in the layout). Signed-out visitors are sent
 * to sign in; someone signed in with another role (a session left on a shared device) is
 * told which app this is instead of meeting a wall of refused requests. The server refuses
 * those requests anyway: this gate is for people, not for security.
 */
export function RoleGate({
  allow,
  loginPath,
  appName,
  rightAccount,
  frame = plainFrame,
  children,
}: Props) {
  const { data, status } = useSession();
  const router = useRouter();

  useEffect(() => {
    if (status === "unauthenticated") router.replace(loginPath);
  }, [status, router, loginPath]);

  if (status !== "authenticated") {
    return frame(
      <p className="row muted">
        <span className="spinner" aria-hidden /> Loading…
      </p>,
    );
  }

  if (data.user.role !== allow) {
    return frame(
      <div className="card stack">
        <h1>This is {appName}</h1>
        <p className="muted">
          You are signed in with {accountLabel(data.user.role)}. Sign out, then sign in with{" "}
          {rightAccount}.
        </p>
        <SignOutButton callbackUrl={loginPath} className="button primary" />
      </div>,
    );
  }

  return <>{children}</>;
}
