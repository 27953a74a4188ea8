import type { ReactNode } from "react";
import { Providers } from "@/app/providers";

/** The counter and the history share one query cache; the sign-in page loads none of it. */
export default function AgentCounterLayout({ children }: { children: ReactNode }) {
  return <Providers>{children}</Providers>;
}
