"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useSession } from "./session";
import { gateAllows, plainFrame, type RoleGateProps, wrongAppScreen } from "./wrong-app-card";

/**
 * Renders its children only for a signed-in user of one role, in client screens (the operator
 * dashboard's; customer and agent pages use ServerRoleGate). The session is the one the
 * server read for the page (SessionProvider in the layout). Signed-out visitors are sent
 * to sign in; someone signed in with another role (a session left on a shared device) is
 * told which app this is instead of meeting a wall of refused requests. The server refuses
 * those requests anyway: this gate is for people, not for security.
 */
export function RoleGate(gate: RoleGateProps) {
  const { loginPath, frame = plainFrame, children } = gate;
  const { data, status } = useSession();
  const router = useRouter();
  const t = useTranslations("common.ui");

  useEffect(() => {
    if (status === "unauthenticated") router.replace(loginPath);
  }, [status, router, loginPath]);

  if (status !== "authenticated") {
    return frame(
      <p className="row muted">
        <span className="spinner" aria-hidden /> {t("loading")}
      </p>,
    );
  }

  if (!gateAllows(gate, data.user.role)) {
    return wrongAppScreen(gate, data.user.role);
  }

  return <>{children}</>;
}
