"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { Button } from "./button";

/** Asks the server for the page again (a screen rendered there that failed to load data). */
export function TryAgainButton() {
  const t = useTranslations("common.ui");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button busy={pending} onClick={() => startTransition(() => router.refresh())}>
      {t("tryAgain")}
    </Button>
  );
}
