import pg from "pg";

// node-postgres 8.23 (pg-connection-string 2.14) throws "Invalid URL" on libpq's multi-host
// form `postgresql://u@h1:5432,h2:5432/db?target_session_attrs=read-write`, and has no
// target_session_attrs at all. A failover formation (pg_auto_failover, docs/operations.md)
// hands out exactly that form, so we read it ourselves: the host list and the wanted session
// kind are taken out here, and each single-host URL left over goes to pg's own parser, so
// user, password, sslmode and the rest mean what they always meant.

/** libpq's target_session_attrs values (PostgreSQL 14+). */
export const SESSION_ATTRS = [
  "any",
  "read-write",
  "read-only",
  "primary",
  "standby",
  "prefer-standby",
] as const;
export type SessionAttrs = (typeof SESSION_ATTRS)[number];

export interface Targets {
  /** One URL per host, in the order given, without target_session_attrs. */
  urls: string[];
  /** "host:port" of each, for messages. */
  hosts: string[];
  attrs: SessionAttrs;
  /** The database name in the path ("" when none). */
  database: string;
}

const URL_PARTS = /^(postgres(?:ql)?:\/\/)([^@/?#]*@)?([^/?#]*)(\/[^?#]*)?(\?[^#]*)?(#.*)?$/;

/** Splits `h1:5432,[::1]:5433,h3` into hosts with ports (libpq's default port is 5432). */
function splitHosts(list: string): string[] {
  const hosts = list.split(",").map((entry) => {
    const trimmed = entry.trim();
    if (trimmed === "") throw new Error("connection string has an empty host in its host list");
    // Bare IPv6 in brackets, or host, each with an optional :port.
    const m = /^(\[[^\]]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(trimmed);
    if (!m) throw new Error(`connection string host "${trimmed}" is not host[:port]`);
    return `${m[1]}:${m[2] ?? "5432"}`;
  });
  return hosts;
}

/**
 * The hosts and session kind of a connection string. A plain single-host URL without
 * target_session_attrs (or with `any`) gives one URL equal to the input.
 */
export function parseTargets(connectionString: string): Targets {
  const m = URL_PARTS.exec(connectionString.trim());
  if (!m) throw new Error("connection string must be postgresql://[user@]host[:port][,...]/db");
  const [, scheme, userinfo = "", hostList = "", path = "", query = "", fragment = ""] = m;
  const params = new URLSearchParams(query.slice(1));
  const wanted = params.get("target_session_attrs") ?? "any";
  if (!(SESSION_ATTRS as readonly string[]).includes(wanted)) {
    throw new Error(`target_session_attrs=${wanted} is not one of ${SESSION_ATTRS.join(", ")}`);
  }
  const attrs = wanted as SessionAttrs;
  const database = decodeURIComponent(path.replace(/^\//, ""));
  if (!hostList.includes(",") && !params.has("target_session_attrs")) {
    return { urls: [connectionString], hosts: [hostList], attrs, database };
  }
  params.delete("target_session_attrs");
  const rest = params.toString();
  const hosts = splitHosts(hostList);
  const urls = hosts.map(
    (host) => `${scheme}${userinfo}${host}${path}${rest ? `?${rest}` : ""}${fragment}`,
  );
  return { urls, hosts, attrs, database };
}

/** The same connection string naming another database (for CREATE/DROP DATABASE). */
export function withDatabase(connectionString: string, database: string): string {
  const m = URL_PARTS.exec(connectionString.trim());
  if (!m) throw new Error("connection string must be postgresql://[user@]host[:port][,...]/db");
  const [, scheme, userinfo = "", hostList = "", , query = "", fragment = ""] = m;
  return `${scheme}${userinfo}${hostList}/${encodeURIComponent(database)}${query}${fragment}`;
}

/** What a session reports about itself, as libpq asks it (SHOW transaction_read_only). */
export interface SessionKind {
  readOnly: boolean;
  inRecovery: boolean;
}

/** Does a session of this kind satisfy `attrs`? (`prefer-standby` takes anything.) */
export function satisfies(attrs: SessionAttrs, kind: SessionKind): boolean {
  switch (attrs) {
    case "any":
    case "prefer-standby":
      return true;
    case "read-write":
      return !kind.readOnly;
    case "read-only":
      return kind.readOnly;
    case "primary":
      return !kind.inRecovery;
    case "standby":
      return kind.inRecovery;
  }
}

/** The order to probe the hosts in: the one that answered last first, then the rest. */
export function tryOrder(count: number, lastGood: number): number[] {
  return Array.from({ length: count }, (_, i) => (lastGood + i) % count);
}

async function kindOf(client: pg.Client): Promise<SessionKind> {
  // In one statement: a promoted standby that pg_auto_failover still holds read-only
  // (stop_replication, while the old primary may still take writes) is out of recovery but
  // read-only, which is why read-write asks for transaction_read_only, as libpq does.
  const result = await client.query<{ ro: string; rec: boolean }>(
    "SELECT current_setting('transaction_read_only') AS ro, pg_is_in_recovery() AS rec",
  );
  const row = result.rows[0]!;
  return { readOnly: row.ro === "on", inRecovery: row.rec };
}

export type ClientClass = new (config?: pg.ClientConfig) => pg.Client;

/**
 * A pg.Client class for `targets`: connect() goes to the host that satisfied the session
 * kind last time, checks the kind on the new session, and on a refused connection or a
 * wrong kind probes the other hosts with short-lived sessions, then connects to the one
 * found. A pg.Client connects only once, hence probing with separate clients.
 * With one host and `any`, plain pg.Client is returned: nothing changes.
 */
export function clientClassFor(targets: Targets, probeTimeoutMs = 5_000): ClientClass {
  if (targets.urls.length === 1 && targets.attrs === "any") return pg.Client;
  const { urls, hosts, attrs } = targets;
  // Shared by every client of the class: a pool's new connections go straight to the host
  // that answered last, with no probe; a refused connection or a wrong kind there clears
  // `known`, that connect fails (a request the caller retries), and the next one probes.
  let lastGood = 0;
  let known = false;

  const configFor = (base: pg.ClientConfig | undefined, index: number): pg.ClientConfig => {
    const own = { ...(base ?? {}) };
    delete own.host;
    delete own.port;
    return { ...own, connectionString: urls[index] };
  };

  /** `use` on a short-lived connection to host `index`; false when the host is down. */
  async function onHost<T>(
    base: pg.ClientConfig | undefined,
    index: number,
    use: (client: pg.Client) => Promise<T>,
  ): Promise<T | false> {
    const client = new pg.Client({
      ...configFor(base, index),
      connectionTimeoutMillis: probeTimeoutMs,
    });
    client.on("error", () => {});
    try {
      await client.connect();
      return await use(client);
    } catch {
      return false;
    } finally {
      client.end().catch(() => {});
    }
  }

  async function probe(base: pg.ClientConfig | undefined, index: number): Promise<boolean> {
    return onHost(base, index, async (client) => satisfies(attrs, await kindOf(client)));
  }

  async function standbyFirst(base: pg.ClientConfig | undefined): Promise<number> {
    for (const index of tryOrder(urls.length, lastGood)) {
      if (await onHost(base, index, async (client) => (await kindOf(client)).inRecovery)) {
        return index;
      }
    }
    return -1;
  }

  return class FailoverClient extends pg.Client {
    private readonly base: pg.ClientConfig | undefined;

    constructor(config?: pg.ClientConfig) {
      super(configFor(config, lastGood));
      this.base = config;
    }

    private aim(index: number): void {
      const parsed = new pg.Client(configFor(this.base, index));
      // connect() reads host and port from here (pg/lib/client.js _connect).
      this.host = parsed.host;
      this.port = parsed.port;
      (this as unknown as { connectionParameters: unknown }).connectionParameters = (
        parsed as unknown as { connectionParameters: unknown }
      ).connectionParameters;
    }

    private async pick(): Promise<number> {
      if (known) return lastGood;
      if (attrs === "prefer-standby") {
        const standby = await standbyFirst(this.base);
        if (standby >= 0) return standby;
      }
      for (const index of tryOrder(urls.length, lastGood)) {
        if (await probe(this.base, index)) return index;
      }
      throw new Error(
        `no server among ${hosts.join(", ")} accepts a ${attrs} session (failing over?)`,
      );
    }

    override connect(): Promise<pg.Client>;
    override connect(callback: ((err: Error) => void) | ((err: null, c: pg.Client) => void)): void;
    override connect(
      callback?: ((err: Error) => void) | ((err: null, c: pg.Client) => void),
    ): Promise<pg.Client> | undefined {
      const connecting = this.connectToTarget().then(() => this as pg.Client);
      if (!callback) return connecting;
      // pg-pool passes a callback: (error) on failure, (null, client) on success.
      const done = callback as (err: Error | null, c?: pg.Client) => void;
      connecting.then(
        (client) => done(null, client),
        (error: Error) => done(error),
      );
      return undefined;
    }

    private async connectToTarget(): Promise<void> {
      const index = await this.pick();
      this.aim(index);
      try {
        await super.connect();
      } catch (error) {
        known = false;
        throw error;
      }
      // The host may have changed role since the probe or the last connection: check on the
      // session itself, so that a pooled connection never starts on a demoted primary.
      const kind = await kindOf(this).catch(async (error: unknown) => {
        known = false;
        throw error;
      });
      if (!satisfies(attrs, kind)) {
        known = false;
        await this.end().catch(() => {});
        throw new Error(`${hosts[index]} no longer accepts a ${attrs} session (failing over?)`);
      }
      lastGood = index;
      // prefer-standby that had to settle for a primary looks for a standby again next time.
      known = attrs !== "prefer-standby" || kind.inRecovery;
    }
  };
}

/** A new, unconnected client for a connection string (single- or multi-host). */
export function clientFor(connectionString: string, config: pg.ClientConfig = {}): pg.Client {
  const targets = parseTargets(connectionString);
  const ClientClass = clientClassFor(targets);
  return new ClientClass({ ...config, connectionString: targets.urls[0] });
}
