import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import type { Role } from "@/generated/prisma/enums";
import { getSession } from "@/lib/session";
import { accountLabel } from "./account-label";
import { SessionProvider } from "./session";
import { SignOutButton } from "./sign-out-button";

interface Props {
  allow: Role;
  /** Where signed-out visitors go, and where Sign out leads. */
  loginPath: string;
  /** "the agent app"... */
  appName: string;
  /** What to sign in with instead: "your shop's agent account". */
  rightAccount: string;
  /** The audience's page frame (phone shell, plain page). */
  frame?: (children: ReactNode) => ReactNode;
  /** The audience's heading style for the wrong-app card. */
  titleClassName?: string;
  children: ReactNode;
}

const plainFrame = (children: ReactNode) => <main className="page narrow">{children}</main>;

/**
 * Renders its children only for a signed-in user of one role, decided on the server while
 * the page renders: a signed-out visitor gets a redirect to sign in straight away (no page,
 * no scripts, no session request first), and the screen arrives with its session. Someone
 * signed in with another role (a session left on a shared device) is told which app this
 * is. The server refuses their requests anyway: this gate is for people, not for security.
 */
export async function ServerRoleGate({
  allow,
  loginPath,
  appName,
  rightAccount,
  frame = plainFrame,
  titleClassName,
  children,
}: Props) {
  const session = await getSession();
  if (!session) redirect(loginPath);
  if (session.user.role !== allow) {
    return frame(
      <div className="card stack">
        <h1 className={titleClassName}>This is {appName}</h1>
        <p className="muted">
          You are signed in with {accountLabel(session.user.role)}. Sign out, then sign in with{" "}
          {rightAccount}.
        </p>
        <SignOutButton callbackUrl={loginPath} className="button primary" />
      </div>,
    );
  }
  return <SessionProvider session={session}>{children}</SessionProvider>;
}
