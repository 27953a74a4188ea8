import superjson from "superjson";

/**
 * A minimal ProxyPay HTTP client for load and crash tests: next-auth sign-in with a cookie
 * jar, and tRPC calls encoded with superjson, exactly as the browser app sends them.
 */
export class ApiClient {
  private cookies = new Map<string, string>();

  /**
   * `address`: this device's own client address, sent as X-Forwarded-For as the proxy in
   * front of the server would (TRUSTED_PROXY_HOPS=1): per-IP limits then see one phone per
   * address, as in the field, instead of every simulated phone behind 127.0.0.1.
   */
  constructor(
    readonly baseUrl: string,
    private readonly address?: string,
  ) {}

  private forwarded(): Record<string, string> {
    return this.address ? { "x-forwarded-for": this.address } : {};
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keepCookies(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  }

  async signIn(
    phone: string,
    pin: string,
    audience: "customer" | "agent" | "admin",
  ): Promise<void> {
    const csrf = await fetch(`${this.baseUrl}/api/auth/csrf`, {
      headers: { cookie: this.cookieHeader(), ...this.forwarded() },
    });
    this.keepCookies(csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await fetch(`${this.baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: this.cookieHeader(),
        ...this.forwarded(),
      },
      body: new URLSearchParams({ csrfToken, phone, pin, audience, json: "true" }),
      redirect: "manual",
    });
    this.keepCookies(response);
    if (![...this.cookies.keys()].some((k) => k.endsWith("next-auth.session-token"))) {
      throw new Error(`sign-in failed for ${phone}: ${response.status}`);
    }
  }

  /**
   * Sends an already encoded tRPC input as this client's session, and answers the status and
   * body as they came: for fuzzing, where every answer is data, not an error.
   */
  async send(
    path: string,
    encoded: string,
    kind: "query" | "mutation" | "subscription",
  ): Promise<{ status: number; body: string }> {
    const url =
      kind === "mutation"
        ? `${this.baseUrl}/api/trpc/${path}`
        : `${this.baseUrl}/api/trpc/${path}?input=${encodeURIComponent(encoded)}`;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 30_000);
    try {
      const response = await fetch(url, {
        method: kind === "mutation" ? "POST" : "GET",
        headers: {
          "content-type": "application/json",
          cookie: this.cookieHeader(),
          ...this.forwarded(),
          ...(kind === "subscription" ? { accept: "text/event-stream" } : {}),
        },
        body: kind === "mutation" ? encoded : undefined,
        signal: controller.signal,
      });
      if (kind !== "subscription" || !response.body) {
        return { status: response.status, body: await response.text() };
      }
      // A stream never ends by itself: its first event (the order, or an error) is the answer.
      const reader = response.body.getReader();
      let body = "";
      while (!/\n\n/.test(body)) {
        const { value, done } = await reader.read();
        if (done) break;
        body += new TextDecoder().decode(value);
      }
      controller.abort();
      return { status: response.status, body };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Calls a procedure; throws ApiError with the HTTP status for refusals and failures. */
  async call<T>(path: string, input: unknown, kind: "query" | "mutation" = "mutation"): Promise<T> {
    const encoded = superjson.serialize(input);
    const url =
      kind === "query"
        ? `${this.baseUrl}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(encoded))}`
        : `${this.baseUrl}/api/trpc/${path}`;
    const response = await fetch(url, {
      method: kind === "query" ? "GET" : "POST",
      headers: {
        "content-type": "application/json",
        cookie: this.cookieHeader(),
        ...this.forwarded(),
      },
      body: kind === "query" ? undefined : JSON.stringify(encoded),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json()) as {
      result?: { data: Parameters<typeof superjson.deserialize>[0] };
      error?: { json: { message: string } };
    };
    if (!response.ok || !body.result) {
      throw new ApiError(response.status, body.error?.json.message ?? `HTTP ${response.status}`);
    }
    return superjson.deserialize<T>(body.result.data);
  }
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
