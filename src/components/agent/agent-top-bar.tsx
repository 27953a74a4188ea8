import Link from "next/link";
import { useTranslations } from "next-intl";
import { LanguageSwitcher } from "@/components/ui/language-switcher";
import { SignOutButton } from "@/components/ui/sign-out-button";
import styles from "./agent.module.css";

interface Props {
  shopName: string | undefined;
  /** History has its own large way back to the counter, so the bar links only forward. */
  current: "counter" | "history";
}

export function AgentTopBar({ shopName, current }: Props) {
  const t = useTranslations("agent");
  return (
    <header className="topbar">
      <span className="title">{shopName ?? t("meta.title")}</span>
      <nav className={styles.barNav}>
        {current === "counter" ? <Link href="/agent/history">{t("topBar.history")}</Link> : null}
        <LanguageSwitcher signedIn />
        <SignOutButton callbackUrl="/agent/login" />
      </nav>
    </header>
  );
}
