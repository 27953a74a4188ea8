import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CustomerShell } from "@/components/customer/customer-shell";
import { SignUpForm } from "@/components/customer/sign-up-form";
import { LanguageBar } from "@/components/customer/top-bar";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("customer.meta"))("signUp") };
}

export default async function CustomerSignUpPage() {
  const t = await getTranslations("customer.signUp");
  return (
    <CustomerShell bar={<LanguageBar />}>
      {/* i18n-ignore: brand name */}
      <h1 className="brand">ProxyPay</h1>
      <p className="muted">{t("intro")}</p>
      <SignUpForm />
      <p className="center">
        {t.rich("haveWallet", {
          link: (chunks) => <Link href="/customer/login">{chunks}</Link>,
        })}
      </p>
    </CustomerShell>
  );
}
