import Link from "next/link";
import { CodeName } from "@/components/ui/status-badge";
import styles from "../shared/admin.module.css";
import { PostingsTable } from "../shared/postings-table";
import type { JournalEntry } from "../shared/report-types";
import r from "../shared/reports.module.css";
import { formatMoment, shortId } from "../shared/types";

/** One entry with its postings; `target` marks the entry a statement line linked to. */
export function JournalEntryCard({ entry, target }: { entry: JournalEntry; target: boolean }) {
  const unbalanced = unbalancedCurrencies(entry);
  return (
    <article
      className={`${r.entry} stack`}
      aria-labelledby={`entry-${entry.id}`}
      data-testid="journal-entry"
      data-target={target}
      style={{ gap: "0.5rem" }}
    >
      <div className={r.entryHead}>
        <h2 id={`entry-${entry.id}`} style={{ margin: 0, fontSize: "1rem" }}>
          <span className={r.kind}>
            <CodeName group="entryKind" code={entry.kind} />
          </span>{" "}
          {entry.description}
        </h2>
        <span className={`muted small ${styles.nowrap}`}>
          Entry #{String(entry.id)} · {formatMoment(entry.at)}
        </span>
      </div>
      {entry.orderId || entry.externalRef ? (
        <div className={r.entryRefs}>
          {entry.orderId ? (
            <span>
              Order{" "}
              <Link href={`/admin/orders/${entry.orderId}`} className={styles.mono}>
                {entry.orderReference ?? shortId(entry.orderId)}
              </Link>
            </span>
          ) : null}
          {entry.externalRef ? (
            <span>
              Bank reference <span className={styles.mono}>{entry.externalRef}</span>
            </span>
          ) : null}
        </div>
      ) : null}
      {unbalanced.length > 0 ? (
        <p className="alert error" role="alert" style={{ margin: 0 }}>
          This entry&apos;s postings do not add up to zero in {unbalanced.join(", ")}. Run the
          reconciliation on the ledger page and investigate.
        </p>
      ) : null}
      <PostingsTable postings={entry.postings} />
    </article>
  );
}

/** Double entry promises zero per currency; a break is worth shouting about where it shows. */
function unbalancedCurrencies(entry: JournalEntry): string[] {
  const sums = new Map<string, bigint>();
  for (const p of entry.postings) sums.set(p.currency, (sums.get(p.currency) ?? 0n) + p.amount);
  return [...sums].filter(([, sum]) => sum !== 0n).map(([currency]) => currency);
}
