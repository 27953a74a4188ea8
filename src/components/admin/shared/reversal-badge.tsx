import { CodeBadge } from "@/components/ui/status-badge";

export function ReversalBadge({ status }: { status: string }) {
  return <CodeBadge group="reversalStatus" code={status} />;
}
