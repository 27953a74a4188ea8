import { liveResponse } from "@/server/observability/endpoints";

// Liveness for the orchestrator: restart the process only when it stops answering.
export const dynamic = "force-dynamic";

export function GET() {
  return liveResponse();
}
