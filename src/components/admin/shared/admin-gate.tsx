"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { RoleGate } from "@/components/ui/role-gate";

/** The dashboard is for operator accounts only. */
export function AdminGate({ children }: { children: ReactNode }) {
  const t = useTranslations("admin.shell.gate");
  return (
    <RoleGate
      allow="ADMIN"
      loginPath="/admin/login"
      appName={t("appName")}
      rightAccount={t("rightAccount")}
    >
      {children}
    </RoleGate>
  );
}
