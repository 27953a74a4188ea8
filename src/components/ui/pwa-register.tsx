"use client";

import { useEffect } from "react";

/** Registers the shared service worker for one audience's scope (/customer or /agent). */
export function PwaRegister({ scope }: { scope: string }) {
  useEffect(() => {
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.register("/sw.js", { scope }).catch(() => {
        // Without a service worker the app still works online; nothing to tell the user.
      });
    }
  }, [scope]);
  return null;
}
