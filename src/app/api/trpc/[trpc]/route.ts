import { getServerSession } from "next-auth";
import { handleTrpcRequest } from "@/server/api/http";
import type { Context } from "@/server/api/trpc";
import { authOptions } from "@/server/auth/options";
import { clientIp } from "@/server/security/client-ip";

async function createContext(req: Request): Promise<Context> {
  const session = await getServerSession(authOptions);
  const ip = clientIp(req.headers);
  return {
    ip,
    actor: session?.user ? { userId: session.user.id, role: session.user.role, ip } : null,
  };
}

function handler(req: Request) {
  return handleTrpcRequest(req, () => createContext(req));
}

export { handler as GET, handler as POST };
