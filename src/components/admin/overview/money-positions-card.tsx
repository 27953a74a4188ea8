import { Money } from "@/components/ui/money";
import type { MoneyPosition } from "../shared/report-types";
import r from "../shared/reports.module.css";

/** Where the money stands right now, per currency: what the platform owes and has earned. */
export function MoneyPositionsCard({ positions }: { positions: MoneyPosition[] }) {
  return (
    <section className="card stack" aria-labelledby="positions-title" data-testid="money-positions">
      <div>
        <h2 id="positions-title">Money positions</h2>
        <p className="muted small" style={{ margin: 0 }}>
          Balances now, summed over every account of each kind.
        </p>
      </div>
      {positions.length === 0 ? (
        <p className="muted">No accounts yet.</p>
      ) : (
        positions.map((p) => (
          <div key={p.currency} className="stack">
            {positions.length > 1 ? <h3 style={{ margin: 0 }}>{p.currency}</h3> : null}
            <dl className={r.positions}>
              <Position
                label="E-money outstanding"
                hint="What customers hold in their wallets"
                amount={p.eMoneyOutstanding}
                currency={p.currency}
              />
              <Position
                label="Float held by agents"
                hint="E-money agents hold to serve cash-ins"
                amount={p.floatHeld}
                currency={p.currency}
              />
              <Position
                label="Commission owed"
                hint="Earned by agents and not yet paid out"
                amount={p.commissionOwed}
                currency={p.currency}
              />
              <Position
                label="Fees earned"
                hint="Cash-out fees collected by the platform"
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
