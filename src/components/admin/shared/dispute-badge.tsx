import { DISPUTE_STATUS, lookOf } from "@/components/ui/labels";
import { Badge } from "@/components/ui/status-badge";

export function DisputeBadge({ status }: { status: string }) {
  return <Badge look={lookOf(DISPUTE_STATUS, status)} />;
}
