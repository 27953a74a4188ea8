import Link from "next/link";
import { useTranslations } from "next-intl";
import { AudienceMessages } from "@/components/ui/audience-messages";
import { LanguageSwitcher } from "@/components/ui/language-switcher";

export default function Home() {
  const t = useTranslations("customer.start");
  return (
    <main className="page narrow">
      {/* The switcher is a client component: it needs the language's words in the browser. */}
      <AudienceMessages audience="customer">
        <LanguageSwitcher />
      </AudienceMessages>
      {/* i18n-ignore: brand name */}
      <h1 className="brand">ProxyPay</h1>
      <p className="muted">{t("tagline")}</p>
      <nav className="stack">
        <Link className="button primary" href="/customer">
          {t("customer")}
        </Link>
        <Link className="button" href="/agent">
          {t("agent")}
        </Link>
        <Link className="button ghost" href="/admin">
          {t("operator")}
        </Link>
      </nav>
    </main>
  );
}
