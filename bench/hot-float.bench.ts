// Throughput of the hot path: many cash-ins completing against ONE agent's float, the
// row every order locks. Prints figures; asserts nothing (timings belong here, not in tests).
//
//   npm run bench            (embedded PostgreSQL, or DATABASE_URL)
//   ORDERS=2000 CONCURRENCY=32 npm run bench
import { randomUUID } from "node:crypto";
import { disconnectDb } from "../src/server/db/client";
import { depositFromSettlement } from "../src/server/db/seed";
import { inTransaction } from "../src/server/db/transaction";
import { ensureUserAccount } from "../src/server/repositories/accounts";
import { findInvariantViolations } from "../src/server/repositories/invariants";
import { insertAgent, insertUser } from "../src/server/repositories/users";
import type { Actor } from "../src/server/use-cases/actor";
import { claimOrder } from "../src/server/use-cases/claim-order";
import { confirmOrder } from "../src/server/use-cases/confirm-order";
import { createOrder } from "../src/server/use-cases/create-order";

const ORDERS = Number(process.env.ORDERS ?? 500);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
const AMOUNT = 10_000n;

process.env.NEXTAUTH_SECRET ??= "benchmark-secret-0123456789abcdef0123";

async function user(role: "CUSTOMER" | "AGENT"): Promise<Actor> {
  const userId = randomUUID();
  const phone = `+2557${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  await inTransaction(async (tx) => {
    await insertUser(tx, { id: userId, role, phone, name: "Bench", pinHash: "x" });
    if (role === "CUSTOMER") {
      await ensureUserAccount(tx, userId, "WALLET", "KES");
    } else {
      await insertAgent(tx, {
        id: randomUUID(),
        userId,
        shopName: "Bench Shop",
        locationText: "bench",
      });
      const float = await ensureUserAccount(tx, userId, "FLOAT", "KES");
      await ensureUserAccount(tx, userId, "COMMISSION", "KES");
      await depositFromSettlement(
        tx,
        float,
        AMOUNT * BigInt(ORDERS),
        "FLOAT_FUNDING",
        "bench float",
      );
    }
  });
  return { userId, role, ip: null };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main() {
  const agent = await user("AGENT");
  // Many customers, so daily limits do not get in the way of the float measurement.
  const customers = await Promise.all(
    Array.from({ length: Math.ceil(ORDERS / 10) }, () => user("CUSTOMER")),
  );
  const orders: string[] = [];
  for (let i = 0; i < ORDERS; i++) {
    const customer = customers[i % customers.length]!;
    const o = await createOrder(customer, {
      type: "CASH_IN",
      amount: AMOUNT,
      currency: "KES",
      idempotencyKey: randomUUID(),
    });
    await claimOrder(agent, { token: o.token! });
    orders.push(o.id);
  }

  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < orders.length) {
        const id = orders[next++]!;
        const t0 = performance.now();
        await confirmOrder(agent, { orderId: id, idempotencyKey: randomUUID() });
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const violations = await inTransaction((tx) => findInvariantViolations(tx));
  console.log(`confirms on one hot float: ${ORDERS} orders, concurrency ${CONCURRENCY}`);
  console.log(
    `  throughput  ${(ORDERS / seconds).toFixed(0)} confirms/s (${seconds.toFixed(2)} s)`,
  );
  console.log(
    `  latency     p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
  );
  console.log(`  memory      rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
  console.log(
    `  invariants  ${violations.length === 0 ? "hold" : `${violations.length} VIOLATIONS`}`,
  );
  await disconnectDb();
  if (violations.length > 0) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
