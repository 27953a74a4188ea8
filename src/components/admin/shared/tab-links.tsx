"use client";

import Link from "next/link";
import styles from "./admin.module.css";

export interface Tab<Value extends string> {
  value: Value;
  label: string;
  href: string;
}

/**
 * A queue's tabs. Links, not buttons: each tab is an address the operator can reload or
 * share; `aria-current` marks the one shown.
 */
export function TabLinks<Value extends string>({
  label,
  tabs,
  current,
  onSelect,
}: {
  /** What the tabs choose between, read out: "Which disputes". */
  label: string;
  tabs: readonly Tab<Value>[];
  current: Value;
  onSelect?: () => void;
}) {
  return (
    <nav className={styles.tabs} aria-label={label}>
      {tabs.map((tab) => (
        <Link
          key={tab.value}
          href={tab.href}
          className={`button ${styles.tableButton}`}
          aria-current={tab.value === current ? "page" : undefined}
          onClick={onSelect}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
