"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
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
  | "customers"
  | "settings"
  | "audit"
  | "operators";

const SECTIONS: { id: AdminSection; href: string; label: string }[] = [
  { id: "overview", href: "/admin", label: "Overview" },
  { id: "agents", href: "/admin/agents", label: "Agents" },
  { id: "ledger", href: "/admin/ledger", label: "Ledger" },
  { id: "orders", href: "/admin/orders", label: "Orders" },
  { id: "reversals", href: "/admin/reversals", label: "Reversals" },
  { id: "disputes", href: "/admin/disputes", label: "Disputes" },
  { id: "customers", href: "/admin/customers", label: "Customers" },
  { id: "settings", href: "/admin/settings", label: "Settings" },
  { id: "audit", href: "/admin/audit", label: "Audit" },
  { id: "operators", href: "/admin/operators", label: "Operators" },
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
  return (
    <header className="topbar">
      <nav className={styles.barNav} aria-label="Operator sections">
        <span className="title">ProxyPay Operations</span>
        {SECTIONS.map((s) => (
          <Link
            key={s.id}
            href={s.href}
            className={styles.barLink}
            aria-current={s.id === current ? "page" : undefined}
          >
            {s.label}
          </Link>
        ))}
      </nav>
      <div className={styles.barNav}>
        <span className={styles.who}>{data?.user.name}</span>
        <SignOutButton callbackUrl="/admin/login" />
      </div>
    </header>
  );
}
