import { formatMinor } from "@/domain/money";
import styles from "./admin.module.css";
import { formatMoment, type OrderDossier } from "./types";

/** One account each line, so singular where the trial balance speaks of all of a kind. */
const ACCOUNT_LABELS: Record<string, string> = {
  WALLET: "Customer wallet",
  FLOAT: "Agent float",
  COMMISSION: "Agent commission",
  SETTLEMENT: "Settlement (bank)",
  FEE_REVENUE: "Fee revenue",
  COMMISSION_EXPENSE: "Commission expense",
};

export function OrderJournalCard({
  journal,
  currency,
}: {
  journal: OrderDossier["journal"];
  currency: string;
}) {
  return (
    <section className="card stack" aria-labelledby="journal-title" data-testid="order-journal">
      <div>
        <h2 id="journal-title">Journal</h2>
        <p className="muted small" style={{ margin: 0 }}>
          The ledger entries this order made. Each entry&apos;s postings add up to zero; a reversal
          is a new entry with the signs swapped, the original stays.
        </p>
      </div>
      {journal.length === 0 ? (
        <p className="muted">
          No ledger entries: money moves only when an agent completes the order.
        </p>
      ) : (
        journal.map((entry) => (
          <div key={String(entry.id)} className={styles.panelBox}>
            <div className="spread">
              <strong>
                <span className={styles.mono}>{entry.kind}</span> · {entry.description}
              </strong>
              <span className={`muted small ${styles.nowrap}`}>
                Entry {String(entry.id)} · {formatMoment(entry.at)}
              </span>
            </div>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">Account</th>
                  <th scope="col" className={styles.num}>
                    Amount
                  </th>
                  <th scope="col" className={styles.num}>
                    Balance after
                  </th>
                </tr>
              </thead>
              <tbody>
                {entry.postings.map((p) => (
                  <tr key={`${p.accountId}:${p.amount}`}>
                    <td>
                      {ACCOUNT_LABELS[p.accountKind] ?? p.accountKind}{" "}
                      <span className={`muted small ${styles.mono}`}>#{String(p.accountId)}</span>
                    </td>
                    <td className={`${styles.num} amount`}>{signed(p.amount, currency)}</td>
                    <td className={`${styles.num} amount`}>
                      {formatMinor(p.balanceAfter, currency)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))
      )}
    </section>
  );
}

/** An explicit + on increases, so a column of postings reads as money in and money out. */
function signed(amount: bigint, currency: string): string {
  return amount > 0n ? `+${formatMinor(amount, currency)}` : formatMinor(amount, currency);
}
