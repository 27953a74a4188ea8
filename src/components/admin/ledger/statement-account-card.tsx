import { useTranslations } from "next-intl";
import { Money } from "@/components/ui/money";
import { AccountKindName } from "@/components/ui/status-badge";
import styles from "../shared/admin.module.css";
import type { Statement } from "../shared/report-types";

export function StatementAccountCard({ account }: { account: Statement["account"] }) {
  const t = useTranslations("control.ledger");
  const available = account.balance - account.onHold;
  return (
    <section className="card stack" aria-labelledby="account-title" data-testid="statement-account">
      <div className="spread">
        <div>
          <h1 id="account-title" style={{ margin: 0 }}>
            {t.rich("accountTitle", {
              kind: () => <AccountKindName kind={account.kind} />,
              owner: account.owner,
            })}
          </h1>
          <p className={`muted small ${styles.mono}`} style={{ margin: 0 }}>
            {t("accountNo", { id: String(account.id) })}
          </p>
        </div>
        {/* A plain link: the browser downloads with the session cookie, no script involved. */}
        <a
          href={`/api/admin/statement?accountId=${account.id}`}
          download={`statement-${account.id}.csv`}
          className="button"
          data-testid="statement-csv"
        >
          {t("downloadCsv")}
        </a>
      </div>
      <dl className={styles.facts}>
        <div>
          <dt>{t("colOwner")}</dt>
          <dd>
            {account.owner}
            <div className="muted small">{account.ownerPhone ?? t("platformAccount")}</div>
          </dd>
        </div>
        <div>
          <dt>{t("colBalance")}</dt>
          <dd>
            <Money amount={account.balance} currency={account.currency} />
          </dd>
        </div>
        <div>
          <dt>{t("colOnHold")}</dt>
          <dd>
            <Money amount={account.onHold} currency={account.currency} />
          </dd>
        </div>
        <div>
          <dt>{t("available")}</dt>
          <dd>
            <Money amount={available} currency={account.currency} />
          </dd>
        </div>
      </dl>
    </section>
  );
}
