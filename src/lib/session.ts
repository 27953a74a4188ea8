import { headers } from "next/headers";
import { getServerSession, type Session } from "next-auth";
import { cache } from "react";
import { createCaller } from "@/server/api/root";
import { authOptions } from "@/server/auth/options";
import { clientIp } from "@/server/security/client-ip";

/**
 * The signed-in user for this request, read once per render on the server. Pages hand it to
 * the browser (SessionProvider) instead of the browser asking /api/auth/session after
 * loading: one round trip less before a screen can show anything.
 */
export const getSession = cache(async (): Promise<Session | null> => getServerSession(authOptions));

/**
 * The tRPC procedures called in-process for a server-rendered page, as the signed-in user,
 * with the same context the HTTP route builds (src/app/api/trpc/[trpc]/route.ts).
 */
export async function serverCaller(session: Session | null) {
  const ip = clientIp(await headers());
  return createCaller({
    ip,
    actor: session?.user ? { userId: session.user.id, role: session.user.role, ip } : null,
  });
}
