import { EventEmitter, on } from "node:events";
import pg from "pg";
import { databaseUrl } from "../db/client";
import { ORDER_CHANNEL } from "../repositories/orders";

// Order changes reach the screens through PostgreSQL LISTEN/NOTIFY: every transaction that
// changes an order calls pg_notify on commit, and each app instance holds one listening
// connection that fans the order id out to its open subscriptions. Several instances behind
// a load balancer therefore all hear every change.
class OrderChangeHub {
  private readonly emitter = new EventEmitter();
  private client: pg.Client | undefined;
  private connecting: Promise<void> | undefined;

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  async listen(): Promise<void> {
    if (this.client) return;
    this.connecting ??= this.connect().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: databaseUrl() });
    client.on("notification", (message) => {
      if (message.channel === ORDER_CHANNEL && message.payload) {
        this.emitter.emit(message.payload);
      }
    });
    client.on("error", () => {
      // Drop the broken connection; the next subscriber reconnects. Open screens re-read
      // the order when their stream reconnects, so a missed notification is not lost.
      if (this.client === client) this.client = undefined;
      client.end().catch(() => {});
      this.emitter.emit("reset");
    });
    await client.connect();
    await client.query(`LISTEN ${ORDER_CHANNEL}`);
    this.client = client;
  }

  changes(orderId: string, signal: AbortSignal | undefined): AsyncIterator<unknown> {
    return on(this.emitter, orderId, signal ? { signal } : {})[Symbol.asyncIterator]();
  }
}

const globalHub = globalThis as unknown as { proxypayOrderHub?: OrderChangeHub };

/** Starts listening first, so a change committed after this call is never missed. */
export async function subscribeToOrder(
  orderId: string,
  signal: AbortSignal | undefined,
): Promise<AsyncIterator<unknown>> {
  globalHub.proxypayOrderHub ??= new OrderChangeHub();
  await globalHub.proxypayOrderHub.listen();
  return globalHub.proxypayOrderHub.changes(orderId, signal);
}
