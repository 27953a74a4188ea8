import { chooseLocale, LOCALE_COOKIE } from "@/i18n/locales";
import { handleTrpcRequest } from "@/server/api/http";
import type { Context } from "@/server/api/trpc";
import { sessionOfRequest } from "@/server/auth/session";
import {
  REQUEST_ID_HEADER,
  requestIdOf,
  withRequestId,
} from "@/server/observability/request-context";
import { clientIp } from "@/server/security/client-ip";
import { readCookie } from "@/server/security/device-cookie";

async function createContext(req: Request): Promise<Context> {
  const session = await sessionOfRequest(req);
  const ip = clientIp(req.headers);
  return {
    ip,
    actor: session ? { userId: session.userId, role: session.role, ip } : null,
    signedInAt: session?.signedInAt,
    locale: chooseLocale({
      cookie: readCookie(req.headers.get("cookie"), LOCALE_COOKIE),
      account: session?.locale,
      acceptLanguage: req.headers.get("accept-language"),
    }),
  };
}

/**
 * Every call runs under the request id the proxy sent (or a fresh one), which the log lines
 * of the procedure, its use case and its SQL carry, and which the answer repeats.
 */
function handler(req: Request) {
  const requestId = requestIdOf(req.headers);
  return withRequestId(requestId, async () => {
    const response = await handleTrpcRequest(req, () => createContext(req));
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  });
}

export { handler as GET, handler as POST };
