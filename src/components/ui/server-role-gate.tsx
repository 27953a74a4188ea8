import { redirect } from "next/navigation";
import { getSession } from "@/lib/session";
import { SessionProvider } from "./session";
import { gateAllows, type RoleGateProps, wrongAppScreen } from "./wrong-app-card";

/**
 * Renders its children only for a signed-in user of one role, decided on the server while
 * the page renders: a signed-out visitor gets a redirect to sign in straight away (no page,
 * no scripts, no session request first), and the screen arrives with its session. Someone
 * signed in with another role (a session left on a shared device) is told which app this
 * is. The server refuses their requests anyway: this gate is for people, not for security.
 */
export async function ServerRoleGate(gate: RoleGateProps) {
  const { loginPath, children } = gate;
  const session = await getSession();
  if (!session) redirect(loginPath);
  if (!gateAllows(gate, session.user.role)) {
    return wrongAppScreen(gate, session.user.role);
  }
  return <SessionProvider session={session}>{children}</SessionProvider>;
}
