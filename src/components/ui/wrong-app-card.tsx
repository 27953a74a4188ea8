import type { ReactNode } from "react";
import type { Role } from "@/generated/prisma/enums";
import { accountLabel } from "./account-label";
import { SignOutButton } from "./sign-out-button";

/** What both role gates take: whom a screen is for, and what to tell anyone else. */
export interface RoleGateProps {
  allow: Role;
  /** Where signed-out visitors go, and where Sign out leads. */
  loginPath: string;
  /** "the agent app", "the operator dashboard"... */
  appName: string;
  /** What to sign in with instead: "your shop's agent account". */
  rightAccount: string;
  /** The audience's page frame (phone shell, plain page). */
  frame?: (children: ReactNode) => ReactNode;
  /** The audience's heading style for the wrong-app card. */
  titleClassName?: string;
  children: ReactNode;
}

export const plainFrame = (children: ReactNode) => <main className="page narrow">{children}</main>;

/**
 * Someone signed in with another role (a session left on a shared device) is told which app
 * this is and how to get to the right one, instead of meeting a wall of refused requests.
 */
export function WrongAppCard({
  role,
  appName,
  rightAccount,
  loginPath,
  titleClassName,
}: {
  role: Role;
  appName: string;
  rightAccount: string;
  loginPath: string;
  titleClassName?: string | undefined;
}) {
  return (
    <div className="card stack">
      <h1 className={titleClassName}>This is {appName}</h1>
      <p className="muted">
        You are signed in with {accountLabel(role)}. Sign out, then sign in with {rightAccount}.
      </p>
      <SignOutButton callbackUrl={loginPath} className="button primary" />
    </div>
  );
}

/** The gate's answer to someone signed in with `role`, which is not the one it lets in. */
export function wrongAppScreen(gate: RoleGateProps, role: Role) {
  return (gate.frame ?? plainFrame)(
    <WrongAppCard
      role={role}
      appName={gate.appName}
      rightAccount={gate.rightAccount}
      loginPath={gate.loginPath}
      titleClassName={gate.titleClassName}
    />,
  );
}
