// Sign-in and sign-out through next-auth's own endpoints, without next-auth/react: that
// client (with its runtime helpers) weighs about 9 kB gzip on every page and asks for the
// provider list and the session on each sign-in; these two requests are all it takes.
// Sessions are read on the server (src/lib/session.ts) and handed to pages that need them.

async function csrfToken(): Promise<string> {
  const response = await fetch("/api/auth/csrf", { cache: "no-store" });
  if (!response.ok) throw new Error(`csrf: HTTP ${response.status}`);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

async function post(path: string, fields: Record<string, string>): Promise<Response> {
  const body = new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: "true" });
  return fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
}

/**
 * Phone + PIN (or password) for one audience. Resolves with null when signed in, or with the
 * reason the server gave ("CredentialsSignin" when it gave none). Throws when the server could
 * not be reached.
 */
export async function signInWithPin(fields: {
  phone: string;
  pin: string;
  audience: "customer" | "agent" | "admin";
}): Promise<string | null> {
  const response = await post("/api/auth/callback/credentials", {
    ...fields,
    callbackUrl: window.location.href,
  });
  const data = (await response.json().catch(() => ({}))) as { url?: string };
  // next-auth answers with the page to go to; a refusal carries ?error=<reason>.
  const error = data.url ? new URL(data.url, window.location.href).searchParams.get("error") : null;
  if (error) return error;
  return response.ok ? null : "CredentialsSignin";
}

/** Ends the session, then loads `callbackUrl` afresh (no screen keeps the old account's data). */
export async function signOut({ callbackUrl }: { callbackUrl: string }): Promise<void> {
  await post("/api/auth/signout", { callbackUrl });
  window.location.href = callbackUrl;
}
