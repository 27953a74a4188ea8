import { readyResponse } from "@/server/observability/endpoints";

// Readiness for the load balancer: send traffic only while this answers 200.
export const dynamic = "force-dynamic";

export function GET() {
  return readyResponse();
}
