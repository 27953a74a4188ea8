import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { strictTransportSecurity } from "../security/hsts";
import { appRouter } from "./root";
import type { Context } from "./trpc";

/**
 * Calls one HTTP request may batch. Without a cap a single GET naming 800 procedures cost
 * seconds of server time. Our client's httpBatchLink splits at 20 (src/app/providers.tsx),
 * so 50 leaves room without letting a script multiply its requests' cost.
 */
export const MAX_BATCH_SIZE = 50;

/**
 * JSON is not a page: no script may run in it and nothing may frame it, should a browser
 * ever be led to render one. Static, so it costs nothing per call (the pages' policy needs
 * a fresh nonce each time).
 */
const API_CSP =
  "default-src 'self'; script-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The HTTP face of the API; the route handler supplies the session, tests a fixed actor. */
export function handleTrpcRequest(req: Request, createContext: () => Promise<Context>) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext,
    // Refused with 400 while the request is parsed: no session lookup, no procedure runs.
    maxBatchSize: MAX_BATCH_SIZE,
    // The pages' proxy (src/proxy.ts) does not run for the API: its headers are sent here.
    responseMeta() {
      const headers = new Headers({ "Content-Security-Policy": API_CSP });
      const hsts = strictTransportSecurity(req.url);
      if (hsts) headers.set("Strict-Transport-Security", hsts);
      return { headers };
    },
  });
}
