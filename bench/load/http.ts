// A lean HTTP client for the load generator: node:http with keep-alive sockets, next-auth
// sign-in with a cookie jar, tRPC calls encoded with superjson as the browser app sends them,
// and the live.order stream (server-sent events) as the customer's page opens it. Each
// simulated device has its own address, sent as X-Forwarded-For: the bench plays the
// trusted proxy in front of the app (TRUSTED_PROXY_HOPS=1).
import http from "node:http";
import superjson from "superjson";

export class CallError extends Error {
  constructor(
    readonly procedure: string,
    readonly status: number,
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

interface Reply {
  status: number;
  setCookie: string[] | undefined;
  body: string;
}

export class HttpTarget {
  /** Keep-alive sockets shared by every session, as a proxy in front of the app would. */
  readonly agent = new http.Agent({
    keepAlive: true,
    maxSockets: 1024,
    maxFreeSockets: 1024,
    scheduling: "lifo",
  });

  constructor(
    readonly host: string,
    readonly port: number,
  ) {}

  get baseUrl(): string {
    return `http://${this.host}:${this.port}`;
  }

  request(
    method: "GET" | "POST",
    path: string,
    headers: http.OutgoingHttpHeaders,
    body?: string,
  ): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: this.host, port: this.port, method, path, headers, agent: this.agent },
        (res) => {
          res.setEncoding("utf8");
          let text = "";
          res.on("data", (chunk: string) => {
            text += chunk;
          });
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              setCookie: res.headers["set-cookie"],
              body: text,
            }),
          );
          res.on("error", reject);
        },
      );
      req.setTimeout(120_000, () => req.destroy(new Error(`timeout: ${method} ${path}`)));
      req.on("error", reject);
      if (body !== undefined) req.end(body);
      else req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** The JSON part of a superjson result: bigints and dates stay strings, which is enough here. */
// biome-ignore lint/suspicious/noExplicitAny: shapes of the app's replies are read loosely
export type Json = any;

/** One simulated device (phone, tablet, operator desktop) with its session cookie. */
export class Session {
  private readonly cookies = new Map<string, string>();
  private cookieHeader = "";

  constructor(
    readonly target: HttpTarget,
    /** The device's address, appended to X-Forwarded-For by the bench acting as the proxy. */
    readonly ip: string,
  ) {}

  private keep(lines: string[] | undefined): void {
    if (!lines) return;
    for (const line of lines) {
      const pair = line.split(";", 1)[0]!;
      const eq = pair.indexOf("=");
      const value = pair.slice(eq + 1);
      if (value === "") this.cookies.delete(pair.slice(0, eq));
      else this.cookies.set(pair.slice(0, eq), value);
    }
    this.cookieHeader = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private headers(extra: http.OutgoingHttpHeaders = {}): http.OutgoingHttpHeaders {
    return {
      "x-forwarded-for": this.ip,
      ...(this.cookieHeader ? { cookie: this.cookieHeader } : {}),
      ...extra,
    };
  }

  /** next-auth credentials sign-in: CSRF token, then the credentials callback. */
  async signIn(phone: string, pin: string, audience: "customer" | "agent" | "admin") {
    const csrf = await this.target.request("GET", "/api/auth/csrf", this.headers());
    this.keep(csrf.setCookie);
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const form = new URLSearchParams({ csrfToken, phone, pin, audience, json: "true" });
    const reply = await this.target.request(
      "POST",
      "/api/auth/callback/credentials",
      this.headers({ "content-type": "application/x-www-form-urlencoded" }),
      form.toString(),
    );
    this.keep(reply.setCookie);
    if (![...this.cookies.keys()].some((k) => k.endsWith("next-auth.session-token"))) {
      throw new CallError("signIn", reply.status, `sign-in failed for ${phone}`, null);
    }
  }

  /** A tRPC call; answers the result's JSON, throws CallError for refusals and failures. */
  async call(procedure: string, input: unknown, kind: "query" | "mutation" = "mutation") {
    const encoded = JSON.stringify(superjson.serialize(input));
    const reply =
      kind === "query"
        ? await this.target.request(
            "GET",
            `/api/trpc/${procedure}?input=${encodeURIComponent(encoded)}`,
            this.headers(),
          )
        : await this.target.request(
            "POST",
            `/api/trpc/${procedure}`,
            this.headers({ "content-type": "application/json" }),
            encoded,
          );
    let parsed: Json;
    try {
      parsed = JSON.parse(reply.body);
    } catch {
      throw new CallError(procedure, reply.status, `HTTP ${reply.status} (not JSON)`, null);
    }
    if (reply.status !== 200 || !parsed.result) {
      const error = parsed.error?.json;
      throw new CallError(
        procedure,
        reply.status,
        error?.message ?? `HTTP ${reply.status}`,
        error?.data?.domainCode ?? error?.data?.code ?? null,
      );
    }
    return parsed.result.data.json as Json;
  }

  /** Opens the order's live stream as the app's page does (live.order over SSE). */
  watchOrder(orderId: string): OrderStream {
    const input = encodeURIComponent(JSON.stringify(superjson.serialize({ orderId })));
    return new OrderStream(
      this.target,
      `/api/trpc/live.order?input=${input}`,
      this.headers({ accept: "text/event-stream" }),
    );
  }
}

/**
 * One live.order stream: every event is a whole copy of the order, and only its status is
 * read (the first "status" key of the copy). A stream holds its own socket, as a phone's
 * EventSource does, and is closed once its order is over.
 */
export class OrderStream {
  status: string | null = null;
  /** performance.now() of the first copy of the order. */
  readonly opened: Promise<number>;
  private buffer = "";
  private readonly req: http.ClientRequest;
  private readonly waiters: { status: string; resolve: (at: number) => void }[] = [];
  private failure: Error | null = null;
  private rejecters: ((e: Error) => void)[] = [];

  constructor(target: HttpTarget, path: string, headers: http.OutgoingHttpHeaders) {
    let openedResolve: (at: number) => void = () => {};
    this.opened = new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new Error("stream: no first copy in time")), 30_000);
      openedResolve = (at) => {
        clearTimeout(timer);
        resolve(at);
      };
      this.rejecters.push((e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    // Read by flows that wait for it; a stream failing before anyone asked is not a crash.
    this.opened.catch(() => {});
    this.waiters.push({ status: "*", resolve: openedResolve });
    this.req = http.request(
      { host: target.host, port: target.port, method: "GET", path, headers, agent: false },
      (res) => {
        if (res.statusCode !== 200) {
          this.fail(new CallError("live.order", res.statusCode ?? 0, "stream refused", null));
          res.resume();
          return;
        }
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => this.onData(chunk));
        res.on("end", () => this.fail(new Error("stream ended")));
        res.on("error", (e) => this.fail(e));
      },
    );
    this.req.on("error", (e) => this.fail(e));
    this.req.end();
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    for (let end = this.buffer.indexOf("\n\n"); end !== -1; end = this.buffer.indexOf("\n\n")) {
      // Events end with a blank line; tRPC adds one more, so an event may start with "\n".
      let start = 0;
      while (this.buffer.charCodeAt(start) === 10) start++;
      const event = this.buffer.slice(start, end);
      this.buffer = this.buffer.slice(end + 2);
      if (event.startsWith("event: serialized-error")) {
        this.fail(new CallError("live.order", 200, "stream error event", null));
        return;
      }
      if (!event.startsWith("data: {")) continue;
      const at = event.indexOf('"status":"');
      if (at === -1) continue;
      const from = at + 10;
      this.status = event.slice(from, event.indexOf('"', from));
      const now = performance.now();
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        const w = this.waiters[i]!;
        if (w.status === "*" || w.status === this.status) {
          this.waiters.splice(i, 1);
          w.resolve(now);
        }
      }
    }
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const reject of this.rejecters) reject(error);
    this.rejecters = [];
  }

  /** performance.now() when the stream showed this status (at once if it already has). */
  waitFor(status: string, timeoutMs = 30_000): Promise<number> {
    if (this.status === status) return Promise.resolve(performance.now());
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`stream: no ${status} in time`)), timeoutMs);
      this.waiters.push({
        status,
        resolve: (at) => {
          clearTimeout(timer);
          resolve(at);
        },
      });
      this.rejecters.push((e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
  }

  close(): void {
    this.failure ??= new Error("closed");
    this.req.destroy();
  }
}
