import type { ReactNode } from "react";
import styles from "./customer.module.css";

/** Phone-width page: an optional top bar, then the content column. */
export function CustomerShell({ bar, children }: { bar?: ReactNode; children: ReactNode }) {
  return (
    <div className={styles.shell}>
      {bar}
      <main className={`${styles.main} stack`}>{children}</main>
    </div>
  );
}
