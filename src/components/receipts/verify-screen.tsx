"use client";

import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { QrScanner } from "@/components/agent/qr-scanner";
import { Button } from "@/components/ui/button";
import { useFormatMoney } from "@/components/ui/money";
import { type ReceiptCheck, type ReceiptPublicKey, verifyReceipt } from "@/domain/receipts";
import { INTL_TAG } from "@/i18n/locales";

/**
 * Checks a receipt in the browser, with the public keys the page was rendered with: no
 * request leaves the device, so it works offline once the page is loaded (the camera's
 * decoder is fetched as the page opens for the same reason). Whoever is about to hand over
 * cash or goods on the strength of a "payment" sees at once whether ProxyPay signed it.
 */
export function VerifyScreen({ keys }: { keys: ReceiptPublicKey[] }) {
  const t = useTranslations("common.verify");
  const [text, setText] = useState("");
  const [check, setCheck] = useState<ReceiptCheck | null>(null);

  useEffect(() => {
    // Warm the QR decoder's chunk while online; the scanner's own import then resolves at once.
    void import("@/lib/qr-decode").catch(() => undefined);
  }, []);

  function run(receipt: string) {
    setText(receipt);
    setCheck(verifyReceipt(receipt, keys));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim()) run(text);
  }

  return (
    <div className="stack" data-testid="verify">
      <p>{t("intro")}</p>
      <p className="alert warn">{t("notAReceipt")}</p>
      {check ? (
        <>
          <Verdict check={check} />
          <Button
            variant="primary"
            size="big"
            onClick={() => {
              setCheck(null);
              setText("");
            }}
          >
            {t("another")}
          </Button>
        </>
      ) : (
        <>
          <section className="card stack" aria-labelledby="verify-scan">
            <h2 id="verify-scan">{t("scanTitle")}</h2>
            <QrScanner disabled={false} onScan={run} label={t("scan")} />
          </section>
          <form className="card stack" onSubmit={submit} aria-labelledby="verify-paste">
            <h2 id="verify-paste">{t("pasteTitle")}</h2>
            <label className="field">
              {t("pasteLabel")}
              <textarea
                name="receipt"
                rows={4}
                value={text}
                spellCheck={false}
                autoComplete="off"
                onChange={(e) => setText(e.target.value)}
              />
            </label>
            <Button type="submit" variant="primary" disabled={!text.trim()}>
              {t("check")}
            </Button>
          </form>
        </>
      )}
    </div>
  );
}

function Verdict({ check }: { check: ReceiptCheck }) {
  const t = useTranslations("common.verify");
  const formatMoney = useFormatMoney();
  const tag = INTL_TAG[useLocale() as keyof typeof INTL_TAG];
  const when = useMemo(
    () =>
      new Intl.DateTimeFormat(tag, {
        dateStyle: "medium",
        timeStyle: "short",
        timeZone: "Africa/Nairobi",
      }),
    [tag],
  );
  if (!check.genuine) {
    return (
      <section className="alert error stack" role="alert" data-testid="verify-refused">
        <h2>{t("refusedTitle")}</h2>
        <p>
          <strong>{t("refused")}</strong>
        </p>
        <p className="small">{t(`why.${check.reason}`)}</p>
      </section>
    );
  }
  const f = check.facts;
  return (
    <section className="card stack" role="status" data-testid="verify-genuine">
      <p className="alert ok">
        <strong>
          {t("genuine", {
            money: formatMoney(f.amount, f.currency),
            type: f.type,
            shop: f.shopName,
            date: when.format(f.completedAt),
          })}
        </strong>
      </p>
      {check.development ? (
        <p className="alert warn" data-testid="verify-development">
          {t("development")}
        </p>
      ) : null}
      <dl>
        <dt>{t("reference")}</dt>
        <dd>{f.reference}</dd>
        <dt>{t("fee")}</dt>
        <dd>{formatMoney(f.fee, f.currency)}</dd>
        <dt>{t("customer")}</dt>
        <dd>{f.customerPhone}</dd>
        <dt>{t("key")}</dt>
        <dd>{check.kid}</dd>
      </dl>
      <p className="small muted">{t("checkShop")}</p>
    </section>
  );
}
