"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/error-note";

/** Grey bars where a table will be, so the page does not jump when it arrives. */
export function TableSkeleton({ label, rows = 4 }: { label: string; rows?: number }) {
  return (
    <div className="stack" role="status" aria-busy aria-label={label}>
      <div className="skeleton" style={{ height: "2rem" }} />
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have nothing but their place
        <div key={i} className="skeleton" style={{ height: "3rem" }} />
      ))}
    </div>
  );
}

/** A first load that failed: the server's words and a way to ask again. */
export function LoadFailed({
  error,
  onRetry,
  busy = false,
}: {
  error: { message: string } | null;
  onRetry: () => void;
  busy?: boolean;
}) {
  const t = useTranslations("admin.shared.load");
  return (
    <div className="stack">
      <ErrorNote error={error ?? { message: t("failed") }} />
      <div>
        <Button busy={busy} onClick={onRetry}>
          {t("retry")}
        </Button>
      </div>
    </div>
  );
}
