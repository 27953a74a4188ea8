import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AgentGate } from "@/components/agent/agent-gate";
import { AgentVerifyScreen } from "@/components/agent/agent-verify-screen";
import { receiptPublicKeys } from "@/server/security/receipt-key";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("common.verify"))("title") };
}

export default function AgentVerifyPage() {
  return (
    <AgentGate>
      <AgentVerifyScreen keys={receiptPublicKeys()} />
    </AgentGate>
  );
}
