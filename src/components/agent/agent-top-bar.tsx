import Link from "next/link";
import { SignOutButton } from "@/components/ui/sign-out-button";
import styles from "./agent.module.css";

interface Props {
  shopName: string | undefined;
  /** History has its own large way back to the counter, so the bar links only forward. */
  current: "counter" | "history";
}

export function AgentTopBar({ shopName, current }: Props) {
  return (
    <header className="topbar">
      <span className="title">{shopName ?? "ProxyPay Agent"}</span>
      <nav className={styles.barNav}>
        {current === "counter" ? <Link href="/agent/history">History</Link> : null}
        <SignOutButton callbackUrl="/agent/login" />
      </nav>
    </header>
  );
}
