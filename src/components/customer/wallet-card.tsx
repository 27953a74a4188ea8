import { useTranslations } from "next-intl";
import { Money } from "@/components/ui/money";
import styles from "./customer.module.css";
import type { Overview } from "./types";

type Wallet = Overview["wallets"][number];

export function WalletCard({ wallet }: { wallet: Wallet }) {
  const t = useTranslations("customer.wallet");
  return (
    <section className="card stack" aria-label={t("label")} data-testid="wallet">
      <div>
        {/* The wallet is what home is about: its heading is the screen's one h1. */}
        <h1 className={`muted ${styles.walletLabel}`}>{t("available")}</h1>
        <Money amount={wallet.available} currency={wallet.currency} className="huge" />
      </div>
      {wallet.onHold > 0n ? (
        <p className="alert warn small">
          <strong>
            {t.rich("onHold", {
              money: () => <Money amount={wallet.onHold} currency={wallet.currency} />,
            })}
          </strong>
          <br />
          {t("onHoldWhy")}
        </p>
      ) : null}
    </section>
  );
}
