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

/** Inner screens' bar: always one tap back to the wallet. */
export function BackTopBar({ title }: { title: string }) {
  return (
    <header className="topbar">
      <Link href="/customer" className={styles.barLink}>
        ‹ Home
      </Link>
      <span className="title">{title}</span>
    </header>
  );
}
