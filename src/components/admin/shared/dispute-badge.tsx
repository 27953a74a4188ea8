import { CodeBadge } from "@/components/ui/status-badge";

export function DisputeBadge({ status }: { status: string }) {
  return <CodeBadge group="disputeStatus" code={status} />;
}
