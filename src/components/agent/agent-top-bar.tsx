import Link from "next/link";
import { useTranslations } from "next-intl";
import { LanguageSwitcher } from "@/components/ui/language-switcher";
import { SignOutButton } from "@/components/ui/sign-out-button";
import styles from "./agent.module.css";

/**
 * The tablet's pages beyond the counter, in the bar's order. Each page has its own large way
 * back to the counter, so the bar lists only the others. `ownerOnly` pages are for the shop's
 * owner (money and people), hidden from whoever else serves at the counter.
 */
const PAGES = [
  { page: "history", href: "/agent/history", label: "topBar.history", ownerOnly: false },
  { page: "staff", href: "/agent/staff", label: "topBar.staff", ownerOnly: true },
  { page: "verify", href: "/agent/verify", label: "topBar.verify", ownerOnly: false },
  { page: "rebalance", href: "/agent/rebalance", label: "topBar.rebalance", ownerOnly: true },
  { page: "profile", href: "/agent/profile", label: "topBar.profile", ownerOnly: true },
  { page: "drawer", href: "/agent/drawer", label: "topBar.drawer", ownerOnly: false },
] as const;

export type AgentPage = "counter" | (typeof PAGES)[number]["page"];

interface Props {
  shopName: string | undefined;
  current: AgentPage;
  /** False for someone serving at the shop who is not its owner. */
  isOwner?: boolean;
}

export function AgentTopBar({ shopName, current, isOwner = true }: Props) {
  const t = useTranslations("agent");
  return (
    <header className="topbar">
      <span className="title">{shopName ?? t("meta.title")}</span>
      <nav className={styles.barNav}>
        {PAGES.filter((p) => p.page !== current && (isOwner || !p.ownerOnly)).map((p) => (
          <Link key={p.page} href={p.href}>
            {t(p.label)}
          </Link>
        ))}
        <LanguageSwitcher signedIn />
        <SignOutButton callbackUrl="/agent/login" />
      </nav>
    </header>
  );
}
