"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Renders of server pages this tab has shown already (see RefreshOnReturn). */
const shown = new Set<string>();

/**
 * Keeps a page rendered on the server with live figures (a balance) current, as the
 * client-side queries did: it asks the server for the page again when the person comes back
 * to the tab or the app, when the connection comes back (the offline banner promises the
 * screen catches up), and when the router shows a copy it kept from before (the back
 * button) instead of a fresh render. `renderId` is unique per server render.
 */
export function RefreshOnReturn({ renderId }: { renderId: string }) {
  const router = useRouter();
  useEffect(() => {
    if (shown.has(renderId)) router.refresh();
    shown.add(renderId);
    const onVisible = () => {
      if (document.visibilityState === "visible") router.refresh();
    };
    // A page restored from the browser's back-forward cache runs no effects again.
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) router.refresh();
    };
    const onOnline = () => router.refresh();
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("pageshow", onPageShow);
    window.addEventListener("online", onOnline);
    return () => {
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("pageshow", onPageShow);
      window.removeEventListener("online", onOnline);
    };
  }, [renderId, router]);
  return null;
}
