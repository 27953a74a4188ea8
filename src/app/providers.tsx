"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { type ReactNode, useState } from "react";
import superjson from "superjson";
import { hashBigIntKey, retryUnlessRefused } from "@/lib/query-key";
import { TRPCProvider } from "@/lib/trpc";
import type { AppRouter } from "@/server/api/root";

/**
 * React Query and the tRPC client, for the screens that call the API from the browser. Not
 * in the root layout: pages rendered on the server (the wallet home, sign-in pages) load
 * none of it (about 25 kB gzip with superjson). Route layouts that need it wrap their pages.
 */
export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            retry: retryUnlessRefused,
            // Amounts in query inputs are bigints, which the default key hash cannot handle.
            queryKeyHashFn: hashBigIntKey,
            refetchOnWindowFocus: true,
            staleTime: 2_000,
          },
          mutations: { retry: false },
        },
      }),
  );
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        splitLink({
          condition: (op) => op.type === "subscription",
          true: httpSubscriptionLink({ url: "/api/trpc", transformer: superjson }),
          // The server refuses batches above MAX_BATCH_SIZE (50, src/server/api/http.ts).
          false: httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: 20 }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
