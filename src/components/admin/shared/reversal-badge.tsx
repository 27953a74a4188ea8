import { lookOf, REVERSAL_STATUS } from "@/components/ui/labels";
import { Badge } from "@/components/ui/status-badge";

export function ReversalBadge({ status }: { status: string }) {
  return <Badge look={lookOf(REVERSAL_STATUS, status)} />;
}
