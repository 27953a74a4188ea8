import { handleTrpcRequest } from "@/server/api/http";
import type { Context } from "@/server/api/trpc";
import { sessionOfRequest } from "@/server/auth/session";
import { clientIp } from "@/server/security/client-ip";

async function createContext(req: Request): Promise<Context> {
  const session = await sessionOfRequest(req);
  const ip = clientIp(req.headers);
  return {
    ip,
    actor: session ? { userId: session.userId, role: session.role, ip } : null,
    signedInAt: session?.signedInAt,
  };
}

function handler(req: Request) {
  return handleTrpcRequest(req, () => createContext(req));
}

export { handler as GET, handler as POST };
