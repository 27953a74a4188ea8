import Link from "next/link";
import { useTranslations } from "next-intl";
import r from "../shared/reports.module.css";

/** The way back to the ledger, and across to the other ledger pages. */
export function LedgerNav({ current }: { current: "statement" | "journal" }) {
  const t = useTranslations("control.ledger");
  return (
    <nav className={`${r.subnav} small`} aria-label={t("navLabel")}>
      <Link href="/admin/ledger">{t("backToLedger")}</Link>
      {current === "journal" ? null : <Link href="/admin/ledger/journal">{t("journalLink")}</Link>}
    </nav>
  );
}
