import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { ReversalsScreen } from "@/components/admin/reversals/reversals-screen";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("control.titles");
  return { title: t("reversals") };
}

export default function AdminReversalsPage() {
  // The chosen tab lives in the address; reading it on the client needs a Suspense boundary.
  return (
    <Suspense>
      <ReversalsScreen />
    </Suspense>
  );
}
