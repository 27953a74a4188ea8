"use client";

import type { ReactNode } from "react";
import { RoleGate } from "@/components/ui/role-gate";

/** The dashboard is for operator accounts only. */
export function AdminGate({ children }: { children: ReactNode }) {
  return (
    <RoleGate
      allow="ADMIN"
      loginPath="/admin/login"
      appName="the operator dashboard"
      rightAccount="an operator account"
    >
      {children}
    </RoleGate>
  );
}
