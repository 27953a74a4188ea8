import { sessionStateOf } from "../repositories/users";

export type CallerStatus = "ACTIVE" | "LOCKED" | "GONE" | "ENDED";

/**
 * Whether the account behind a session may still act: it exists, is not locked, and (when
 * the session's sign-in time is known) its sessions were not ended after that sign-in. A
 * session cookie outlives a lock, so this is asked on every call, not at sign-in only.
 */
export async function callerStatus(userId: string, signedInAt?: number): Promise<CallerStatus> {
  const user = await sessionStateOf(null, userId);
  if (!user) return "GONE";
  if (user.status === "LOCKED") return "LOCKED";
  if (
    signedInAt !== undefined &&
    user.sessionsValidFrom &&
    signedInAt < user.sessionsValidFrom.getTime()
  ) {
    return "ENDED";
  }
  return "ACTIVE";
}
