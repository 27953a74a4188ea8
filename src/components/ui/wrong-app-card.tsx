import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { Role } from "@/generated/prisma/enums";
import { SignOutButton } from "./sign-out-button";

/** Whether the gate lets a session of `role` in. */
export function gateAllows(gate: Pick<RoleGateProps, "allow" | "alsoAllow">, role: Role): boolean {
  return role === gate.allow || (gate.alsoAllow ?? []).includes(role);
}

/** What both role gates take: whom a screen is for, and what to tell anyone else. */
export interface RoleGateProps {
  allow: Role;
  /** Other roles this app serves as well (shop assistants in the agent app). */
  alsoAllow?: readonly Role[];
  /** Where signed-out visitors go, and where Sign out leads. */
  loginPath: string;
  /**
   * "the agent app", "the operator dashboard"... and what to sign in with instead. Kept for
   * callers; the card now names both from common.ui.gate by `allow`, in the screen's language.
   */
  appName: string;
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
  allow,
  loginPath,
  titleClassName,
}: {
  role: Role;
  /** The role this app is for: it names the app and the account to use. */
  allow: Role;
  loginPath: string;
  titleClassName?: string | undefined;
}) {
  const t = useTranslations("common.ui.gate");
  return (
    <div className="card stack">
      <h1 className={titleClassName}>{t("title", { app: allow })}</h1>
      <p className="muted">{t("body", { role, app: allow })}</p>
      <SignOutButton callbackUrl={loginPath} className="button primary" />
    </div>
  );
}

/** The gate's answer to someone signed in with `role`, which is not the one it lets in. */
export function wrongAppScreen(gate: RoleGateProps, role: Role) {
  return (gate.frame ?? plainFrame)(
    <WrongAppCard
      role={role}
      allow={gate.allow}
      loginPath={gate.loginPath}
      titleClassName={gate.titleClassName}
    />,
  );
}
