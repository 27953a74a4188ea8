import Link from "next/link";
import r from "../shared/reports.module.css";

/** The way back to the ledger, and across to the other ledger pages. */
export function LedgerNav({ current }: { current: "statement" | "journal" }) {
  return (
    <nav className={`${r.subnav} small`} aria-label="Ledger pages">
      <Link href="/admin/ledger">← Ledger</Link>
      {current === "journal" ? null : <Link href="/admin/ledger/journal">Journal</Link>}
    </nav>
  );
}
