import { useTranslations } from "next-intl";

/** A success the operator should read once, then can clear away. */
export function Notice({ children, onDismiss }: { children: string; onDismiss: () => void }) {
  const t = useTranslations("admin.shared");
  return (
    <div className="alert ok spread" role="status">
      <span>{children}</span>
      <button type="button" className="link small" onClick={onDismiss}>
        {t("dismiss")}
      </button>
    </div>
  );
}
