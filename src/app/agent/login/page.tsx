import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/ui/language-switcher";
import { SignInForm } from "@/components/ui/sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("agent.meta"))("loginTitle") };
}

export default async function AgentLoginPage() {
  const t = await getTranslations("agent");
  return (
    <main className="page narrow stack">
      <div className="spread">
        <h1 className="brand">{t("meta.title")}</h1>
        <LanguageSwitcher />
      </div>
      <p className="muted">{t("login.intro")}</p>
      <div className="card">
        <SignInForm audience="agent" next="/agent" />
      </div>
      <p className="small muted">
        {t.rich("login.notAgent", { link: (chunks) => <Link href="/">{chunks}</Link> })}
      </p>
    </main>
  );
}
