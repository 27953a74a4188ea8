"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { LanguageSwitcher } from "@/components/ui/language-switcher";
import { useSession } from "@/components/ui/session";
import { SignOutButton } from "@/components/ui/sign-out-button";
import styles from "./admin.module.css";

type AdminSection =
  | "overview"
  | "agents"
  | "ledger"
  | "orders"
  | "reversals"
  | "disputes"
  | "rebalancing"
  | "customers"
  | "settings"
  | "audit"
  | "operators";

const SECTIONS: { id: AdminSection; href: string }[] = [
  { id: "overview", href: "/admin" },
  { id: "agents", href: "/admin/agents" },
  { id: "ledger", href: "/admin/ledger" },
  { id: "orders", href: "/admin/orders" },
  { id: "reversals", href: "/admin/reversals" },
  { id: "disputes", href: "/admin/disputes" },
  { id: "rebalancing", href: "/admin/rebalancing" },
  { id: "customers", href: "/admin/customers" },
  { id: "settings", href: "/admin/settings" },
  { id: "audit", href: "/admin/audit" },
  { id: "operators", href: "/admin/operators" },
];

/** The section an address belongs to: /admin/orders/123 is under Orders; only /admin is the overview. */
function sectionOf(pathname: string): AdminSection | undefined {
  return SECTIONS.find((s) =>
    s.id === "overview"
      ? pathname === s.href
      : pathname === s.href || pathname.startsWith(`${s.href}/`),
  )?.id;
}

export function AdminTopBar() {
  const { data } = useSession();
  const current = sectionOf(usePathname());
  const t = useTranslations("admin.shell");
  return (
    <header className="topbar">
      <nav className={styles.barNav} aria-label={t("sectionsLabel")}>
        <span className="title">{t("title")}</span>
        {SECTIONS.map((s) => (
          <Link
            key={s.id}
            href={s.href}
            className={styles.barLink}
            aria-current={s.id === current ? "page" : undefined}
          >
            {t(`sections.${s.id}`)}
          </Link>
        ))}
      </nav>
      <div className={styles.barNav}>
        <LanguageSwitcher signedIn />
        <span className={styles.who}>{data?.user.name}</span>
        <SignOutButton callbackUrl="/admin/login" />
      </div>
    </header>
  );
}
