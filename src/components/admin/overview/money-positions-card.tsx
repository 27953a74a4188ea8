import { useTranslations } from "next-intl";
import { Money } from "@/components/ui/money";
import type { MoneyPosition } from "../shared/report-types";
import r from "../shared/reports.module.css";

/** Where the money stands right now, per currency: what the platform owes and has earned. */
export function MoneyPositionsCard({ positions }: { positions: MoneyPosition[] }) {
  const t = useTranslations("admin.overview.positions");
  return (
    <section className="card stack" aria-labelledby="positions-title" data-testid="money-positions">
      <div>
        <h2 id="positions-title">{t("title")}</h2>
        <p className="muted small" style={{ margin: 0 }}>
          {t("intro")}
        </p>
      </div>
      {positions.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        positions.map((p) => (
          <div key={p.currency} className="stack">
            {positions.length > 1 ? <h3 style={{ margin: 0 }}>{p.currency}</h3> : null}
            <dl className={r.positions}>
              <Position
                label={t("eMoney")}
                hint={t("eMoneyHint")}
                amount={p.eMoneyOutstanding}
                currency={p.currency}
              />
              <Position
                label={t("float")}
                hint={t("floatHint")}
                amount={p.floatHeld}
                currency={p.currency}
              />
              <Position
                label={t("commission")}
                hint={t("commissionHint")}
                amount={p.commissionOwed}
                currency={p.currency}
              />
              <Position
                label={t("fees")}
                hint={t("feesHint")}
                amount={p.feesEarned}
                currency={p.currency}
              />
            </dl>
          </div>
        ))
      )}
    </section>
  );
}

function Position({
  label,
  hint,
  amount,
  currency,
}: {
  label: string;
  hint: string;
  amount: bigint;
  currency: string;
}) {
  return (
    <div className={r.figure}>
      <dt>
        {label}
        <p className={r.hint}>{hint}</p>
      </dt>
      <dd>
        <Money amount={amount} currency={currency} />
      </dd>
    </div>
  );
}
