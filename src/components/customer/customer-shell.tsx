import type { ReactNode } from "react";
import { type Connection, ConnectionBanner } from "./connection-banner";
import styles from "./customer.module.css";

/**
 * Phone-width page: an optional top bar, the connection banner (empty while online), then
 * the content column. `connection` is given by screens that follow a live stream.
 */
export function CustomerShell({
  bar,
  connection,
  children,
}: {
  bar?: ReactNode;
  connection?: Connection;
  children: ReactNode;
}) {
  return (
    <div className={styles.shell}>
      {bar}
      <ConnectionBanner connection={connection} />
      <main className={`${styles.main} stack`}>{children}</main>
    </div>
  );
}
