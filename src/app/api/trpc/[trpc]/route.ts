import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getServerSession } from "next-auth";
import { appRouter } from "@/server/api/root";
import type { Context } from "@/server/api/trpc";
import { authOptions } from "@/server/auth/options";

async function createContext(req: Request): Promise<Context> {
  const session = await getServerSession(authOptions);
  const ip = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
  return {
    ip,
    actor: session?.user ? { userId: session.user.id, role: session.user.role, ip } : null,
  };
}

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createContext(req),
  });
}

export { handler as GET, handler as POST };
