import type pg from "pg";
import { DomainError } from "@/domain/errors";
import { newClient } from "../db/client";
import { log } from "../observability/log";
import { metrics } from "../observability/metrics";
import { ORDER_CHANNEL } from "../repositories/orders";

// Order changes reach the screens through PostgreSQL LISTEN/NOTIFY: every transaction that
// changes an order calls pg_notify on commit, and each app instance holds one listening
// connection that fans the order id out to its open subscriptions. Several instances behind
// a load balancer therefore all hear every change.

/**
 * Open live streams one user may hold on this instance. A phone or tablet needs one or two;
 * the cap stops one account from tying up memory and connections with thousands.
 */
export const MAX_STREAMS_PER_USER = 20;

// Reconnect delays after the listening connection is lost: fast first (a restarted
// PostgreSQL is usually back within a second), capped so a long outage costs little.
const RECONNECT_FIRST_MS = 100;
const RECONNECT_MAX_MS = 10_000;

/**
 * One stream's interest in one order. A notification only says "re-read the order", so
 * several arriving while the stream is busy fold into one flag instead of a queue.
 */
class Watcher {
  private changed = false;
  private wake: (() => void) | undefined;

  markChanged(): void {
    this.changed = true;
    this.wake?.();
  }

  /** True once the order may have changed; false when the signal aborts first. */
  nextChange(signal: AbortSignal | undefined): Promise<boolean> {
    if (signal?.aborted) return Promise.resolve(false);
    if (this.changed) {
      this.changed = false;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      // The abort must end the wait: a generator awaiting here cannot run its finally
      // (which releases this watcher) until the await settles.
      const onAbort = () => {
        this.wake = undefined;
        resolve(false);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.wake = () => {
        signal?.removeEventListener("abort", onAbort);
        this.wake = undefined;
        this.changed = false;
        resolve(true);
      };
    });
  }
}

class OrderChangeHub {
  private readonly watchers = new Map<string, Set<Watcher>>();
  private readonly streamsPerUser = new Map<string, number>();
  private client: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private failedReconnects = 0;
  /** Counts every wake-up handed out, so a reader can tell whether it may have missed one. */
  stamp = 0;

  async listen(): Promise<void> {
    if (this.client) return;
    this.connecting ??= this.connect().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    // On the primary (several hosts: the read-write one): only it sends notifications.
    const client = newClient();
    client.on("notification", (message) => {
      if (message.channel === ORDER_CHANNEL && message.payload) this.notify(message.payload);
    });
    // A terminated backend, a restarted server or a cut network: without this the streams
    // would stay open and silently hear nothing ever again.
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${ORDER_CHANNEL}`);
    } catch (error) {
      client.end().catch(() => {});
      throw error;
    }
    this.client = client;
    metrics().listenerConnected.set(1);
  }

  /** Whether this process hears order changes now (the readiness check). */
  connected(): boolean {
    return this.client !== undefined;
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    metrics().listenerConnected.set(0);
    log().warn("order-changes listener lost its connection; reconnecting");
    client.end().catch(() => {});
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.reconnectTimer) return;
    const backoff = Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** this.failedReconnects);
    // Jitter keeps many instances from hammering a PostgreSQL that has just come back.
    const delay = backoff / 2 + Math.random() * (backoff / 2);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.listen().then(
        () => {
          metrics().listenerReconnects.inc();
          log().info({ failedAttempts: this.failedReconnects }, "order-changes listener back");
          this.failedReconnects = 0;
          // Notifications sent while nobody listened are gone: every open stream re-reads.
          this.notifyAll();
        },
        () => {
          this.failedReconnects++;
          this.scheduleReconnect();
        },
      );
    }, delay);
    // Reconnecting alone must not keep a finishing process (a test run, a CLI) alive.
    this.reconnectTimer.unref();
  }

  private notify(orderId: string): void {
    // Counted even with no watcher yet: a stream still in its first read may want it.
    this.stamp++;
    const set = this.watchers.get(orderId);
    if (!set) return;
    for (const watcher of set) watcher.markChanged();
  }

  private notifyAll(): void {
    this.stamp++;
    for (const set of this.watchers.values()) for (const watcher of set) watcher.markChanged();
  }

  reserveStream(userId: string): () => void {
    const open = this.streamsPerUser.get(userId) ?? 0;
    if (open >= MAX_STREAMS_PER_USER) {
      throw new DomainError("RATE_LIMITED", "tooManyLiveScreens");
    }
    this.streamsPerUser.set(userId, open + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.streamsPerUser.get(userId) ?? 1) - 1;
      if (left > 0) this.streamsPerUser.set(userId, left);
      else this.streamsPerUser.delete(userId);
    };
  }

  watch(orderId: string): Watcher {
    const watcher = new Watcher();
    let set = this.watchers.get(orderId);
    if (!set) {
      set = new Set();
      this.watchers.set(orderId, set);
    }
    set.add(watcher);
    return watcher;
  }

  unwatch(orderId: string, watcher: Watcher): void {
    const set = this.watchers.get(orderId);
    if (!set) return;
    set.delete(watcher);
    if (set.size === 0) this.watchers.delete(orderId);
  }

  listenerCount(): number {
    let count = 0;
    for (const set of this.watchers.values()) count += set.size;
    return count;
  }
}

// One hub per process, kept across Next's module reloads in development.
const globalHub = globalThis as unknown as { proxypayOrderHub?: OrderChangeHub };

function hub(): OrderChangeHub {
  globalHub.proxypayOrderHub ??= new OrderChangeHub();
  return globalHub.proxypayOrderHub;
}

/**
 * The order as `read` sees it now, then again after every change (and after the listening
 * connection comes back, since changes in the gap were not heard), until `signal` aborts
 * or the consumer stops. `read` runs first and alone: a caller it refuses (not their
 * order, no such order) never gets a listener. The user's stream slot and the listener are
 * released on every way out.
 */
export async function* followOrder<T>(opts: {
  userId: string;
  orderId: string;
  read: () => Promise<T>;
  signal: AbortSignal | undefined;
}): AsyncGenerator<T, void, undefined> {
  const { userId, orderId, read, signal } = opts;
  const changes = hub();
  const release = changes.reserveStream(userId);
  let watcher: Watcher | undefined;
  try {
    // Listening before the first read, so a change committed after it is always heard.
    await changes.listen();
    const stamp = changes.stamp;
    const first = await read();
    watcher = changes.watch(orderId);
    // A wake-up handed out during the read may have been for this order: read once more.
    if (changes.stamp !== stamp) watcher.markChanged();
    yield first;
    while (await watcher.nextChange(signal)) yield await read();
  } finally {
    if (watcher) changes.unwatch(orderId, watcher);
    release();
  }
}

/**
 * Connects this process's LISTEN connection if it is not up (it is otherwise opened by the
 * first live stream) and says whether it is: the readiness check calls it, so a fresh
 * instance is not ready until it would hear order changes. A lost connection is being
 * reconnected by the hub meanwhile; this only reports it.
 */
export async function orderListenerConnected(): Promise<boolean> {
  const changes = hub();
  if (changes.connected()) return true;
  try {
    await changes.listen();
    return changes.connected();
  } catch {
    return false;
  }
}

/** Listeners currently registered on this instance (streams past their first read). */
export function activeOrderListeners(): number {
  return globalHub.proxypayOrderHub?.listenerCount() ?? 0;
}
