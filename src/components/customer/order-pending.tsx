"use client";

import { useTranslations } from "next-intl";
import { QRCodeSVG } from "qrcode.react";
import { Countdown } from "@/components/ui/countdown";
import { Money } from "@/components/ui/money";
import { formatTypedCode } from "@/domain/codes";
import { CancelOrderButton } from "./cancel-order-button";
import styles from "./customer.module.css";
import { ORDER_QR } from "./order-qr";
import { OrderSummary } from "./order-summary";
import type { OrderScreenProps } from "./types";

/**
 * The code the agent scans. The QR comes first and stays above the fold on a phone so the
 * customer can hold it up without scrolling; details follow below.
 */
export function OrderPending({ order, onChange, onElapsed }: OrderScreenProps) {
  const t = useTranslations("customer.pending");
  const money = () => <Money amount={order.amount} currency={order.currency} />;
  return (
    <>
      <div className="spread">
        <h1 className={styles.heading}>{t("heading")}</h1>
        <span className="small muted">
          {t.rich("expiresIn", {
            timer: () => <Countdown until={order.expiresAt} onElapsed={onElapsed} />,
          })}
        </span>
      </div>
      <div className={`qr-box ${styles.qr}`} data-testid="order-qr">
        {order.token ? <QRCodeSVG value={order.token} {...ORDER_QR} title={t("qrTitle")} /> : null}
      </div>
      {order.typedCode ? (
        <div className="center">
          <div className="small muted">{t("typedCode")}</div>
          <p className={`code ${styles.typedCode}`} data-testid="typed-code">
            {formatTypedCode(order.typedCode)}
          </p>
        </div>
      ) : null}
      <p className="center">
        {order.type === "CASH_IN" ? t.rich("giveCash", { money }) : t.rich("getCash", { money })}
      </p>
      <section className="card receipt">
        <OrderSummary order={order} />
        <p className={`small muted ${styles.note}`}>
          {order.type === "CASH_OUT" ? t("onceCashOut") : t("onceCashIn")}
        </p>
      </section>
      <CancelOrderButton order={order} onChange={onChange} />
    </>
  );
}
