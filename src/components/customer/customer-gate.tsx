import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ServerRoleGate } from "@/components/ui/server-role-gate";
import styles from "./customer.module.css";
import { CustomerShell } from "./customer-shell";

const shell = (children: ReactNode) => <CustomerShell>{children}</CustomerShell>;

/**
 * Renders its children only for a signed-in customer, decided on the server: anyone signed
 * out is redirected to sign in before any page is sent; an agent's or operator's session on
 * a shared device must not see someone's wallet screens.
 */
export function CustomerGate({ children }: { children: ReactNode }) {
  const t = useTranslations("customer.gate");
  return (
    <ServerRoleGate
      allow="CUSTOMER"
      loginPath="/customer/login"
      appName={t("app")}
      rightAccount={t("account")}
      frame={shell}
      titleClassName={styles.title}
    >
      {children}
    </ServerRoleGate>
  );
}
