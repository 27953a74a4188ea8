import type { ReactNode } from "react";
import { Providers } from "@/app/providers";

/**
 * The customer's screens that talk to the API from the browser (new order, the live order,
 * sign-up) share one query cache. The wallet home and the sign-in page are rendered on the
 * server and load none of it.
 */
export default function CustomerAppLayout({ children }: { children: ReactNode }) {
  return <Providers>{children}</Providers>;
}
