// ProxyPay service worker, one script for every audience's scope (/customer/, /agent/,
// /admin/), registered as /sw.js?v=<build version> (src/components/ui/pwa-register.tsx).
//
// What it caches, per scope and per build (cache "proxypay-<scope>-<version>"): the app
// shell, meaning the build's scripts and styles (/_next/static/, named by content hash, so
// a cached copy is never stale), the icons, the audience's manifest and the offline page.
// What it never caches: /api/* (balances, orders, QR tokens, sessions) and pages. Pages are
// rendered per request for the signed-in person, with their balance and a fresh CSP nonce:
// a cached page would show old money as current, and outlive a sign-out on the device.
// A page asked for while offline gets the offline page instead. See docs/decisions.md,
// "What the service worker keeps".
const VERSION = new URL(self.location.href).searchParams.get("v") || "dev";
const SCOPE = new URL(self.registration.scope).pathname.replace(/\/+$/, "") || "/";
const PREFIX = `proxypay-${SCOPE.replace(/\W+/g, "") || "root"}-`;
const CACHE = `${PREFIX}${VERSION}`;
const OFFLINE_URL = "/offline.html";
const ICONS = {
  "/customer": ["/icons/customer.svg", "/icons/customer-192.png"],
  "/agent": ["/icons/agent.svg", "/icons/agent-192.png"],
};
const MANIFESTS = { "/customer": "/customer/manifest.webmanifest", "/agent": "/agent/manifest.webmanifest" };

/** Only the build's static files and icons may enter the cache: never an API answer or a page. */
function isShellFile(url) {
  return (
    url.origin === self.location.origin &&
    (url.pathname.startsWith("/_next/static/") ||
      url.pathname.startsWith("/icons/") ||
      url.pathname.endsWith("/manifest.webmanifest") ||
      url.pathname === OFFLINE_URL)
  );
}

self.addEventListener("install", (event) => {
  const urls = [OFFLINE_URL, ...(ICONS[SCOPE] ?? []), ...(MANIFESTS[SCOPE] ? [MANIFESTS[SCOPE]] : [])];
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(urls)));
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  // Only this scope's older versions (and the first worker's single cache): another scope's
  // worker may still be on its own version until its app is next opened.
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => (k.startsWith(PREFIX) && k !== CACHE) || k === "proxypay-v1")
            .map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  const data = event.data;
  // A page created while this worker was activating (the sign-in's navigation to home)
  // missed the claim in "activate": claiming again takes it, so it works offline at once.
  if (data && data.type === "claim") {
    event.waitUntil(self.clients.claim());
    return;
  }
  // The page lists the scripts and styles it loaded before this worker controlled it.
  if (!data || data.type !== "keep-shell" || !Array.isArray(data.urls)) return;
  const urls = data.urls
    .filter((u) => typeof u === "string")
    .map((u) => new URL(u, self.location.origin))
    .filter((url) => isShellFile(url) && url.pathname.startsWith("/_next/static/"))
    .slice(0, 200);
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(
        urls.map((url) =>
          cache.match(url).then((hit) => hit || keep(cache, new Request(url.href))),
        ),
      ),
    ),
  );
});

/** Fetches and stores one shell file; a failure leaves it out (it is fetched when needed). */
function keep(cache, request) {
  return fetch(request)
    .then((response) => {
      if (response.ok) return cache.put(request, response);
    })
    .catch(() => {});
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/api/")) return;
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).catch(() =>
        caches.match(OFFLINE_URL).then((page) => page || Response.error()),
      ),
    );
    return;
  }
  if (!isShellFile(url)) return;
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request).then(
        (hit) =>
          hit ||
          fetch(request).then((response) => {
            if (response.ok) cache.put(request, response.clone());
            return response;
          }),
      ),
    ),
  );
});
