import { Money } from "@/components/ui/money";
import styles from "./customer.module.css";
import type { Overview } from "./types";

type Wallet = Overview["wallets"][number];

export function WalletCard({ wallet }: { wallet: Wallet }) {
  return (
    <section className="card stack" aria-label="Wallet" data-testid="wallet">
      <div>
        {/* The wallet is what home is about: its heading is the screen's one h1. */}
        <h1 className={`muted ${styles.walletLabel}`}>Available</h1>
        <Money amount={wallet.available} currency={wallet.currency} className="huge" />
      </div>
      {wallet.onHold > 0n ? (
        <p className="alert warn small">
          <strong>
            On hold: <Money amount={wallet.onHold} currency={wallet.currency} />
          </strong>
          <br />
          Kept aside for a cash-out that is waiting for an agent. It comes back if the order is
          cancelled or expires.
        </p>
      ) : null}
    </section>
  );
}
