import Link from "next/link";
import { useTranslations } from "next-intl";
import { CodeName } from "@/components/ui/status-badge";
import { useMoment } from "../audit/use-moment";
import styles from "../shared/admin.module.css";
import { PostingsTable } from "../shared/postings-table";
import type { JournalEntry } from "../shared/report-types";
import r from "../shared/reports.module.css";
import { shortId } from "../shared/types";

/** One entry with its postings; `target` marks the entry a statement line linked to. */
export function JournalEntryCard({ entry, target }: { entry: JournalEntry; target: boolean }) {
  const t = useTranslations("control.ledger");
  const { moment } = useMoment();
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
          {t("entryAt", { id: String(entry.id), when: moment(entry.at) })}
        </span>
      </div>
      {entry.orderId || entry.externalRef ? (
        <div className={r.entryRefs}>
          {entry.orderId ? (
            <span>
              {t.rich("entryOrder", {
                link: () => (
                  <Link href={`/admin/orders/${entry.orderId}`} className={styles.mono}>
                    {entry.orderReference ?? (entry.orderId ? shortId(entry.orderId) : null)}
                  </Link>
                ),
              })}
            </span>
          ) : null}
          {entry.externalRef ? (
            <span>
              {t.rich("bankRef", {
                ref: entry.externalRef,
                mono: (chunks) => <span className={styles.mono}>{chunks}</span>,
              })}
            </span>
          ) : null}
        </div>
      ) : null}
      {unbalanced.length > 0 ? (
        <p className="alert error" role="alert" style={{ margin: 0 }}>
          {t("entryUnbalanced", { currencies: unbalanced.join(", ") })}
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
