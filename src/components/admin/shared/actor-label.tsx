"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useSession } from "@/components/ui/session";
import { useTRPC } from "@/lib/trpc";
import styles from "./admin.module.css";
import { shortId } from "./types";
import { useAdminFormats } from "./use-admin-formats";

const ROLES = ["CUSTOMER", "AGENT", "ASSISTANT", "ADMIN", "SYSTEM"] as const;

/**
 * Who did something. Maker-checker turns on "was that me?", so the signed-in operator's
 * own id reads as "you"; other operators by name (operators are few: one cached list serves
 * every label on the page); anyone else by a short id, the full one on hover.
 */
export function ActorLabel({ role, id }: { role?: string | null; id: string | null }) {
  const { data } = useSession();
  const trpc = useTRPC();
  const operators = useQuery({ ...trpc.admin.operators.queryOptions(), staleTime: 5 * 60_000 });
  const t = useTranslations("admin.shared.actor");
  const known = ROLES.find((r) => r === role);
  const roleText = known ? t(`roles.${known}`) : (role ?? null);
  if (!id) return <span>{roleText ?? t("roles.SYSTEM")}</span>;
  const mine = data?.user.id === id;
  const operator = operators.data?.find((o) => o.id === id);
  return (
    <span className={styles.nowrap}>
      {roleText && !operator ? `${roleText} ` : null}
      {mine ? (
        <strong title={id}>{t("you")}</strong>
      ) : operator ? (
        <span title={t("operatorPhone", { phone: operator.phone })}>{operator.name}</span>
      ) : (
        <span className={`${styles.mono} muted`} title={id}>
          {shortId(id)}
        </span>
      )}
    </span>
  );
}

/** Who did something and when, in one table cell. */
export function ActorAt({ id, at }: { id: string | null; at: Date }) {
  const format = useAdminFormats();
  return (
    <>
      <ActorLabel id={id} />
      <div className={`muted small ${styles.nowrap}`}>{format.moment(at)}</div>
    </>
  );
}
