import Link from "next/link";
import { useTranslations } from "next-intl";
import { useFormatMoney } from "@/components/ui/money";
import { AccountKindName } from "@/components/ui/status-badge";
import styles from "./admin.module.css";
import { SignedAmount } from "./signed-amount";

export interface PostingLine {
  accountId: bigint;
  accountKind: string;
  currency: string;
  amount: bigint;
  balanceAfter: bigint;
}

/** A journal entry's postings: which account, the signed amount, and its balance after. */
export function PostingsTable({ postings }: { postings: readonly PostingLine[] }) {
  const t = useTranslations("admin.shared.postings");
  const formatMoney = useFormatMoney();
  return (
    <div className={styles.scroll}>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">{t("account")}</th>
            <th scope="col" className={styles.num}>
              {t("amount")}
            </th>
            <th scope="col" className={styles.num}>
              {t("balanceAfter")}
            </th>
          </tr>
        </thead>
        <tbody>
          {postings.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: postings arrive in id order and never change
            <tr key={i}>
              <td>
                <AccountKindName kind={p.accountKind} />{" "}
                <Link
                  href={`/admin/ledger/accounts/${p.accountId}`}
                  className={`small ${styles.mono}`}
                >
                  <span className="sr-only">{t("statementOf")} </span>#{String(p.accountId)}
                </Link>
              </td>
              <td className={styles.num} style={{ width: "12rem" }}>
                <SignedAmount amount={p.amount} currency={p.currency} />
              </td>
              <td className={styles.num} style={{ width: "12rem" }}>
                <span className="amount">{formatMoney(p.balanceAfter, p.currency)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
