"use client";

import { useSession } from "next-auth/react";
import styles from "./admin.module.css";
import { shortId } from "./types";

const ROLES: Record<string, string> = {
  CUSTOMER: "Customer",
  AGENT: "Agent",
  ADMIN: "Operator",
  SYSTEM: "System",
};

/**
 * Who did something. Maker-checker turns on "was that me?", so the signed-in operator's
 * own id reads as "you"; others keep a short id, the full one on hover.
 */
export function ActorLabel({ role, id }: { role?: string | null; id: string | null }) {
  const { data } = useSession();
  const roleText = role ? (ROLES[role] ?? role) : null;
  if (!id) return <span>{roleText ?? "System"}</span>;
  const mine = data?.user.id === id;
  return (
    <span className={styles.nowrap}>
      {roleText ? `${roleText} ` : null}
      {mine ? (
        <strong title={id}>you</strong>
      ) : (
        <span className={`${styles.mono} muted`} title={id}>
          {shortId(id)}
        </span>
      )}
    </span>
  );
}
