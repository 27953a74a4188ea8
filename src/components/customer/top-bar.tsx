import Link from "next/link";
import { useTranslations } from "next-intl";
import { LanguageSwitcher } from "@/components/ui/language-switcher";
import { SignOutButton } from "@/components/ui/sign-out-button";
import styles from "./customer.module.css";

/** Home's bar: who is signed in, the screen's language, and the way out. */
export function HomeTopBar({ name }: { name: string | null }) {
  return (
    <header className="topbar">
      {/* i18n-ignore: brand name */}
      <span className="title">{name ?? "ProxyPay"}</span>
      <span className={styles.barEnd}>
        <LanguageSwitcher signedIn />
        <SignOutButton callbackUrl="/customer/login" />
      </span>
    </header>
  );
}

/**
 * Inner screens' bar: always one tap back to the wallet. `heading` makes the title the
 * screen's h1, for screens whose body has none (every screen has exactly one).
 */
export function BackTopBar({ title, heading = false }: { title: string; heading?: boolean }) {
  const t = useTranslations("customer.bar");
  return (
    <header className={`topbar ${styles.backBar}`}>
      <Link href="/customer" className={styles.barLink}>
        {t("home")}
      </Link>
      {heading ? <h1 className="title">{title}</h1> : <span className="title">{title}</span>}
      <LanguageSwitcher signedIn />
    </header>
  );
}

/** The signed-out screens' bar (sign-in, sign-up): only the language, found before anything else. */
export function LanguageBar() {
  return (
    <header className={`topbar ${styles.languageBar}`}>
      <LanguageSwitcher />
    </header>
  );
}
