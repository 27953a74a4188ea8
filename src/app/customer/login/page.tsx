import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CustomerShell } from "@/components/customer/customer-shell";
import { LanguageBar } from "@/components/customer/top-bar";
import { SignInForm } from "@/components/ui/sign-in-form";
import { getSession } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("customer.meta"))("signIn") };
}

export default async function CustomerLoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // The installed app opens on the sign-in page only once: a signed-in customer goes home.
  if ((await getSession())?.user.role === "CUSTOMER") redirect("/customer");
  const { created } = await searchParams;
  const t = await getTranslations("customer.login");
  return (
    <CustomerShell bar={<LanguageBar />}>
      {/* i18n-ignore: brand name */}
      <h1 className="brand">ProxyPay</h1>
      {created ? (
        <p className="alert ok" role="status">
          {t("created")}
        </p>
      ) : (
        <p className="muted">{t("intro")}</p>
      )}
      <SignInForm audience="customer" next="/customer" />
      <p className="center">
        {t.rich("newHere", {
          link: (chunks) => <Link href="/customer/signup">{chunks}</Link>,
        })}
      </p>
      <p className="center small">
        <Link className="tap" href="/">
          {t("back")}
        </Link>
      </p>
    </CustomerShell>
  );
}
