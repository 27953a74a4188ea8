"use client";

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
  return (
    <>
      <div className="spread">
        <h1 className={styles.heading}>Show this code to the agent</h1>
        <span className="small muted">
          Expires in <Countdown until={order.expiresAt} onElapsed={onElapsed} />
        </span>
      </div>
      <div className={`qr-box ${styles.qr}`} data-testid="order-qr">
        {order.token ? (
          <QRCodeSVG
            value={order.token}
            {...ORDER_QR}
            title="Order QR code for the agent to scan"
          />
        ) : null}
      </div>
      {order.typedCode ? (
        <div className="center">
          <div className="small muted">Or the agent types this code</div>
          <p className={`code ${styles.typedCode}`} data-testid="typed-code">
            {formatTypedCode(order.typedCode)}
          </p>
        </div>
      ) : null}
      <p className="center">
        {order.type === "CASH_IN" ? (
          <>
            Give the agent <Money amount={order.amount} currency={order.currency} /> in cash.
          </>
        ) : (
          <>
            The agent gives you <Money amount={order.amount} currency={order.currency} /> in cash.
          </>
        )}
      </p>
      <section className="card receipt">
        <OrderSummary order={order} />
        <p className={`small muted ${styles.note}`}>
          The code works once.
          {order.type === "CASH_OUT"
            ? " Until it is used or expires, this money is kept aside in your wallet."
            : " Your wallet is credited when the agent confirms the cash."}
        </p>
      </section>
      <CancelOrderButton order={order} onChange={onChange} />
    </>
  );
}
