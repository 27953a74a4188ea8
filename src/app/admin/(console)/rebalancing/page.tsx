import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { RebalancingScreen } from "@/components/admin/rebalancing/rebalancing-screen";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("control.titles");
  return { title: t("rebalancing") };
}

export default function AdminRebalancingPage() {
  // The chosen tab lives in the address; reading it on the client needs a Suspense boundary.
  return (
    <Suspense>
      <RebalancingScreen />
    </Suspense>
  );
}
