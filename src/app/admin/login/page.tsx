import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/ui/language-switcher";
import { SignInForm } from "@/components/ui/sign-in-form";
import { getSession } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.login"))("pageTitle") };
}

export default async function AdminLoginPage() {
  // An operator who is already signed in has no business on the sign-in form.
  if ((await getSession())?.user.role === "ADMIN") redirect("/admin");
  const t = await getTranslations("admin.login");
  return (
    <main className="page narrow stack">
      <div className="spread">
        <h1 className="brand">{t("title")}</h1>
        {/* Signed out: the choice stays on this device until the operator signs in. */}
        <LanguageSwitcher />
      </div>
      <p className="muted">{t("intro")}</p>
      <div className="card">
        <SignInForm audience="admin" next="/admin" secretLabel={t("password")} />
      </div>
      <p className="small muted">
        {t.rich("notOperator", { link: (chunks) => <Link href="/">{chunks}</Link> })}
      </p>
    </main>
  );
}
