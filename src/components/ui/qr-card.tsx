import { useTranslations } from "next-intl";
import { QRCodeSVG } from "qrcode.react";

/**
 * How a personal card's QR is drawn: larger cells than the phone's order QR, since paper
 * gets creased and a printer blurs; level Q survives a quarter of the code being damaged.
 */
export const CARD_QR = { size: 220, marginSize: 4, level: "Q" } as const;

/**
 * The printable personal QR card: the QR, the holder's name and a masked phone number,
 * nothing else that helps whoever finds it (no full number, no balance, no PIN hint).
 * `.printable` makes it the only thing on the printed page (globals.css).
 */
export function QrCard({
  secret,
  holderName,
  maskedPhone,
}: {
  secret: string;
  holderName: string;
  maskedPhone: string;
}) {
  const t = useTranslations("common.ui.card");
  return (
    <figure className="qr-card printable" data-testid="personal-card">
      <div className="qr-card-brand">{t("brand")}</div>
      <div data-testid="card-qr">
        <QRCodeSVG value={secret} {...CARD_QR} title={t("qrTitle")} />
      </div>
      <figcaption>
        <strong>{holderName}</strong>
        <span>{maskedPhone}</span>
        <span className="qr-card-note">{t("note")}</span>
      </figcaption>
    </figure>
  );
}
