"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { signOut } from "@/lib/auth-client";

/** Ends the session and loads the audience's sign-in page. */
export function SignOutButton({
  callbackUrl,
  className = "link",
  children,
}: {
  callbackUrl: string;
  className?: string;
  children?: string;
}) {
  const t = useTranslations("common.ui");
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className={className}
      disabled={busy}
      aria-busy={busy}
      onClick={() => {
        setBusy(true);
        // A failed request leaves the session as it was: the button works again.
        signOut({ callbackUrl }).catch(() => setBusy(false));
      }}
    >
      {children ?? t("signOut")}
    </button>
  );
}
