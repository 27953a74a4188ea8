import type { ReactNode } from "react";
import { AdminShell } from "@/components/admin/shared/admin-shell";

/**
 * Every signed-in operator screen: the gate, the bar, and a page wide enough for tables.
 * The route group keeps the URLs; sign-in and activation sit outside it, without the shell.
 */
export default function ConsoleLayout({ children }: { children: ReactNode }) {
  return <AdminShell>{children}</AdminShell>;
}
