"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { VerifyScreen } from "@/components/receipts/verify-screen";
import type { ReceiptPublicKey } from "@/domain/receipts";
import { useTRPC } from "@/lib/trpc";
import { AgentTopBar } from "./agent-top-bar";

/**
 * The counter's receipt check: a customer who says "I already paid" shows a receipt, and the
 * shop checks it before handing over cash or goods. Render it inside AgentGate.
 */
export function AgentVerifyScreen({ keys }: { keys: ReceiptPublicKey[] }) {
  const t = useTranslations("common.verify");
  const trpc = useTRPC();
  const overview = useQuery(trpc.agent.overview.queryOptions());
  return (
    <>
      <AgentTopBar shopName={overview.data?.shopName} current="verify" />
      <main className="page narrow stack">
        <div className="spread">
          <h1>{t("title")}</h1>
          <Link href="/agent" className="button ghost">
            {t("backToCounter")}
          </Link>
        </div>
        <VerifyScreen keys={keys} />
      </main>
    </>
  );
}
