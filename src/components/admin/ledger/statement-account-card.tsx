import { Money } from "@/components/ui/money";
import { AccountKindName } from "@/components/ui/status-badge";
import styles from "../shared/admin.module.css";
import type { Statement } from "../shared/report-types";

export function StatementAccountCard({ account }: { account: Statement["account"] }) {
  const available = account.balance - account.onHold;
  return (
    <section className="card stack" aria-labelledby="account-title" data-testid="statement-account">
      <div className="spread">
        <div>
          <h1 id="account-title" style={{ margin: 0 }}>
            <AccountKindName kind={account.kind} /> · {account.owner}
          </h1>
          <p className={`muted small ${styles.mono}`} style={{ margin: 0 }}>
            Account #{String(account.id)}
          </p>
        </div>
        {/* A plain link: the browser downloads with the session cookie, no script involved. */}
        <a
          href={`/api/admin/statement?accountId=${account.id}`}
          download={`statement-${account.id}.csv`}
          className="button"
          data-testid="statement-csv"
        >
          Download CSV
        </a>
      </div>
      <dl className={styles.facts}>
        <div>
          <dt>Owner</dt>
          <dd>
            {account.owner}
            <div className="muted small">{account.ownerPhone ?? "Platform account"}</div>
          </dd>
        </div>
        <div>
          <dt>Balance</dt>
          <dd>
            <Money amount={account.balance} currency={account.currency} />
          </dd>
        </div>
        <div>
          <dt>On hold</dt>
          <dd>
            <Money amount={account.onHold} currency={account.currency} />
          </dd>
        </div>
        <div>
          <dt>Available</dt>
          <dd>
            <Money amount={available} currency={account.currency} />
          </dd>
        </div>
      </dl>
    </section>
  );
}
