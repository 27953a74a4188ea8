import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "@/server/api/root";

/**
 * A plain tRPC client (no React Query) for screens rendered on the server that call the API
 * only now and then, e.g. the wallet's "Load more". Import it with import() where it is
 * used: its ~12 kB gzip (client, links, superjson) then load on the first call, not with the
 * page.
 */
export const trpcClient = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: 20 })],
});
