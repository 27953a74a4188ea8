"use client";

import type { ReactNode } from "react";
import styles from "./admin.module.css";
import { AdminGate } from "./admin-gate";
import { AdminTopBar } from "./admin-top-bar";

/** Every operator screen: the gate, the bar, and a page wide enough for tables. */
export function AdminShell({ children }: { children: ReactNode }) {
  return (
    <AdminGate>
      <AdminTopBar />
      <main className={`page stack ${styles.wide}`}>{children}</main>
    </AdminGate>
  );
}
