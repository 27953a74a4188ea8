import Link from "next/link";
import { SignOutButton } from "@/components/ui/sign-out-button";
import styles from "./customer.module.css";

/** Home's bar: who is signed in, and the way out. */
export function HomeTopBar({ name }: { name: string | null }) {
  return (
    <header className="topbar">
      <span className="title">{name ?? "ProxyPay"}</span>
      <SignOutButton callbackUrl="/customer/login" />
    </header>
  );
}

/**
 * Inner screens' bar: always one tap back to the wallet. `heading` makes the title the
 * screen's h1, for screens whose body has none (every screen has exactly one).
 */
export function BackTopBar({ title, heading = false }: { title: string; heading?: boolean }) {
  return (
    <header className="topbar">
      <Link href="/customer" className={styles.barLink}>
        ‹ Home
      </Link>
      {heading ? <h1 className="title">{title}</h1> : <span className="title">{title}</span>}
    </header>
  );
}
