import { metricsResponse } from "@/server/observability/endpoints";

// Prometheus scrape endpoint, behind METRICS_TOKEN (docs/operations.md, "Watch it").
export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return metricsResponse(req);
}
