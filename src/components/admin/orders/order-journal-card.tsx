import { useTranslations } from "next-intl";
import { CodeName } from "@/components/ui/status-badge";
import styles from "../shared/admin.module.css";
import { PostingsTable } from "../shared/postings-table";
import type { OrderDossier } from "../shared/types";
import { useAdminFormats } from "../shared/use-admin-formats";

export function OrderJournalCard({
  journal,
  currency,
}: {
  journal: OrderDossier["journal"];
  currency: string;
}) {
  const t = useTranslations("admin.orders.journal");
  const format = useAdminFormats();
  return (
    <section className="card stack" aria-labelledby="journal-title" data-testid="order-journal">
      <div>
        <h2 id="journal-title">{t("title")}</h2>
        <p className="muted small" style={{ margin: 0 }}>
          {t("intro")}
        </p>
      </div>
      {journal.length === 0 ? (
        <p className="muted">{t("empty")}</p>
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
                {t("entry", { id: String(entry.id) })} · {format.moment(entry.at)}
              </span>
            </div>
            <PostingsTable postings={entry.postings.map((p) => ({ ...p, currency }))} />
          </div>
        ))
      )}
    </section>
  );
}
