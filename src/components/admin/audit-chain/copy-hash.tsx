"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import styles from "./audit-chain.module.css";

/**
 * A head hash an operator copies to keep somewhere the database's administrators cannot
 * reach (an email, a ticket, a printout). Without clipboard access (plain http, a refusing
 * browser) the hash is selected instead, ready for Ctrl+C.
 */
export function CopyHash({ hash, label }: { hash: string; label: string }) {
  const t = useTranslations("admin.auditChain");
  const [state, setState] = useState<"idle" | "copied" | "selected">("idle");
  const code = useRef<HTMLElement>(null);
  const id = useId();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(hash);
      setState("copied");
    } catch {
      const node = code.current;
      if (node) window.getSelection()?.selectAllChildren(node);
      setState("selected");
    }
  };

  return (
    <span className={styles.hashLine}>
      <code ref={code} id={id} className={styles.hash} data-testid="audit-chain-hash">
        {hash}
      </code>
      <Button
        className="tap"
        aria-label={t("copyWhat", { what: label })}
        aria-describedby={id}
        onClick={() => void copy()}
      >
        {t("copy")}
      </Button>
      <span role="status" className="muted small">
        {state === "copied" ? t("copied") : state === "selected" ? t("selected") : ""}
      </span>
    </span>
  );
}
