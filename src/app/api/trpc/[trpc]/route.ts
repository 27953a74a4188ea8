import { handleTrpcRequest } from "@/server/api/http";
import { requestLocale } from "@/server/api/request-locale";
import type { Context } from "@/server/api/trpc";
import { sessionOfRequest } from "@/server/auth/session";
import {
  REQUEST_ID_HEADER,
  requestIdOf,
  withRequestId,
} from "@/server/observability/request-context";
import { clientIp } from "@/server/security/client-ip";

async function createContext(req: Request): Promise<Context> {
  const session = await sessionOfRequest(req);
  const ip = clientIp(req.headers);
  return {
    ip,
    actor: session ? { userId: session.userId, role: session.role, ip } : null,
    signedInAt: session?.signedInAt,
    locale: requestLocale(req.headers, session?.locale),
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
