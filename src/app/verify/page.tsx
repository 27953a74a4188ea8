import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { VerifyScreen } from "@/components/receipts/verify-screen";
import { AudienceMessages } from "@/components/ui/audience-messages";
import { LanguageSwitcher } from "@/components/ui/language-switcher";
import { receiptPublicKeys } from "@/server/security/receipt-key";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("common.verify"))("title") };
}

/**
 * Public: whoever is shown a "payment" (a shopkeeper, a customer, a seller of goods) checks it
 * here without an account. The public keys are baked into the page as it renders, so the
 * check itself needs no request (VerifyScreen). The scanner's words live with the agent's.
 */
export default async function VerifyPage() {
  const t = await getTranslations("common.verify");
  return (
    <main className="page narrow stack">
      <AudienceMessages audience="agent">
        <LanguageSwitcher />
        <h1>{t("title")}</h1>
        <VerifyScreen keys={receiptPublicKeys()} />
      </AudienceMessages>
      <Link className="button ghost" href="/">
        {t("home")}
      </Link>
    </main>
  );
}
