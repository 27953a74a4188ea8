import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/**
 * The request id of the HTTP request being served, carried through tRPC, use cases and
 * SQL-error logs by AsyncLocalStorage, so no function signature has to pass it along.
 * Kept on globalThis: Next bundles each route separately, and a second copy of this
 * module would hold a second, empty store.
 */
interface RequestContext {
  requestId: string;
}

const KEY = Symbol.for("proxypay.requestContext");
const holder = globalThis as unknown as { [KEY]?: AsyncLocalStorage<RequestContext> };

function storage(): AsyncLocalStorage<RequestContext> {
  holder[KEY] ??= new AsyncLocalStorage<RequestContext>();
  return holder[KEY];
}

/**
 * nginx's $request_id is 32 hex characters; other proxies send UUIDs or similar tokens. A
 * header outside this shape (too long, spaces, quotes, control characters) could forge log
 * lines or bloat them, so it is replaced by our own id rather than trusted.
 */
const SANE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export const REQUEST_ID_HEADER = "X-Request-Id";

/** The proxy's request id when it is a sane token, else a fresh UUID. */
export function requestIdOf(headers: Headers): string {
  const given = headers.get(REQUEST_ID_HEADER);
  return given && SANE_ID.test(given) ? given : randomUUID();
}

/** Runs `fn` with `requestId` visible to every log line written on its behalf. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return storage().run({ requestId }, fn);
}

export function currentRequestId(): string | undefined {
  return storage().getStore()?.requestId;
}
