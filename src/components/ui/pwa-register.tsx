"use client";

import { useEffect } from "react";
import { SHELL_VERSION } from "@/lib/shell-version";

/**
 * Registers the shared service worker (public/sw.js) for one audience's scope (/customer,
 * /agent or /admin). The script URL carries the build's version: a new build is a new
 * script, so the browser installs it, and it replaces the old build's cache.
 *
 * Once the worker is active it is told which of this page's files to keep: the scripts and
 * styles the page loaded before any worker existed never went through it, so without this
 * the first visit would leave the app's shell out of the cache.
 */
export function PwaRegister({ scope }: { scope: string }) {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    const script = `/sw.js?v=${encodeURIComponent(SHELL_VERSION)}`;
    navigator.serviceWorker
      .register(script, { scope })
      .then((registration) => whenActive(registration))
      .then((worker) => {
        // A page that began loading before the worker was active (the navigation that
        // followed sign-in) is not controlled by it: ask it to claim this page too.
        if (!navigator.serviceWorker.controller) worker.postMessage({ type: "claim" });
        worker.postMessage({ type: "keep-shell", urls: loadedShellFiles() });
      })
      .catch(() => {
        // Without a service worker the app still works online; nothing to tell the user.
      });
  }, [scope]);
  return null;
}

function whenActive(registration: ServiceWorkerRegistration): Promise<ServiceWorker> {
  return new Promise((resolve) => {
    const worker = registration.installing ?? registration.waiting ?? registration.active;
    if (!worker) return;
    if (worker.state === "activated") return resolve(worker);
    worker.addEventListener("statechange", () => {
      if (worker.state === "activated") resolve(worker);
    });
  });
}

/** The build's static files this page has loaded (the worker checks the list again). */
function loadedShellFiles(): string[] {
  return performance
    .getEntriesByType("resource")
    .map((entry) => entry.name)
    .filter((url) => {
      const { origin, pathname } = new URL(url);
      return origin === location.origin && pathname.startsWith("/_next/static/");
    });
}
