"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "./button";

/** Asks the server for the page again (a screen rendered there that failed to load data). */
export function TryAgainButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button busy={pending} onClick={() => startTransition(() => router.refresh())}>
      Try again
    </Button>
  );
}
