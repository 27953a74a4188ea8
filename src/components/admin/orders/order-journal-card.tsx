import { CodeName } from "@/components/ui/status-badge";
import styles from "../shared/admin.module.css";
import { PostingsTable } from "../shared/postings-table";
import { formatMoment, type OrderDossier } from "../shared/types";

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
                <span>
                  <CodeName group="entryKind" code={entry.kind} />
                </span>{" "}
                · {entry.description}
              </strong>
              <span className={`muted small ${styles.nowrap}`}>
                Entry {String(entry.id)} · {formatMoment(entry.at)}
              </span>
            </div>
            <PostingsTable postings={entry.postings.map((p) => ({ ...p, currency }))} />
          </div>
        ))
      )}
    </section>
  );
}
