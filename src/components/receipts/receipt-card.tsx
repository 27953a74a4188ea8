import { useTranslations } from "next-intl";
import { QRCodeSVG } from "qrcode.react";

/**
 * A signed receipt as both screens show it: the QR anyone can scan at /verify, and the same
 * text to paste there. Level L keeps the ~450-character code as small as a QR can be; a
 * phone screen does not crease like the paper cards that need more correction.
 */
export function ReceiptCard({ receipt }: { receipt: string }) {
  const t = useTranslations("common.ui.receipt");
  return (
    <section className="card stack" aria-labelledby="signed-receipt" data-testid="signed-receipt">
      <h2 id="signed-receipt">{t("title")}</h2>
      <p className="small muted">{t("explain")}</p>
      <div className="qr-box" data-testid="receipt-qr">
        <QRCodeSVG value={receipt} size={280} marginSize={4} level="L" title={t("qrTitle")} />
      </div>
      <label className="field">
        {t("text")}
        <textarea
          readOnly
          rows={4}
          value={receipt}
          data-testid="receipt-text"
          onFocus={(e) => e.currentTarget.select()}
        />
      </label>
    </section>
  );
}
