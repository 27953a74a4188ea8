import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "./root";
import type { Context } from "./trpc";

/** The HTTP face of the API; the route handler supplies the session, tests a fixed actor. */
export function handleTrpcRequest(req: Request, createContext: () => Promise<Context>) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext,
  });
}
