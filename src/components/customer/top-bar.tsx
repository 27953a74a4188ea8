"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import styles from "./customer.module.css";

/** Home's bar: who is signed in, and the way out. */
export function HomeTopBar({ name }: { name: string | null }) {
  return (
    <header className="topbar">
      <span className="title">{name ?? "ProxyPay"}</span>
      <button
        type="button"
        className="link"
        onClick={() => void signOut({ callbackUrl: "/customer/login" })}
      >
        Sign out
      </button>
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
