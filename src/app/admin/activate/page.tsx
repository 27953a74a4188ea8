import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActivateOperatorForm } from "@/components/admin/operators/activate-operator-form";
import { LanguageSwitcher } from "@/components/ui/language-switcher";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.activate"))("title") };
}

export default async function AdminActivatePage() {
  const t = await getTranslations("admin.activate");
  return (
    <main className="page narrow stack">
      <div className="spread">
        <h1 className="brand">{t("title")}</h1>
        <LanguageSwitcher />
      </div>
      <p className="muted">{t("intro")}</p>
      <div className="card">
        <ActivateOperatorForm />
      </div>
      <p className="small muted">
        {t.rich("haveAccount", { link: (chunks) => <Link href="/admin/login">{chunks}</Link> })}
      </p>
    </main>
  );
}
