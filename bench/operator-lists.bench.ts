// Operator lists with 100,000 orders: how long the order search, the audit search, the
// overview and its cycling pairs take once the tables are big. Prints figures (median of 5
// runs per query); asserts nothing.
//
//   npm run bench:lists          (ORDERS=100000 by default)
import { randomUUID } from "node:crypto";
import { disconnectDb } from "../src/server/db/client";
import { inTransaction } from "../src/server/db/transaction";
import { ensureUserAccount } from "../src/server/repositories/accounts";
import { insertAgent, insertUser } from "../src/server/repositories/users";
import { findOrders } from "../src/server/use-cases/admin-orders";
import { searchAudit } from "../src/server/use-cases/audit-trail";
import { listCyclingPairs } from "../src/server/use-cases/cycling-pairs";
import { operatorOverview } from "../src/server/use-cases/operator-reports";

const ORDERS = Number(process.env.ORDERS ?? 100_000);

async function setup() {
  const customers = Array.from({ length: 200 }, () => ({
    id: randomUUID(),
    phone: `+2559${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`,
  }));
  const agentUser = randomUUID();
  const agentId = randomUUID();
  await inTransaction(async (tx) => {
    for (const c of customers) {
      await insertUser(tx, {
        id: c.id,
        role: "CUSTOMER",
        phone: c.phone,
        name: "Bench",
        pinHash: "x",
      });
      await ensureUserAccount(tx, c.id, "WALLET", "KES");
    }
    await insertUser(tx, {
      id: agentUser,
      role: "AGENT",
      phone: "+255800000001",
      name: "Bench Agent",
      pinHash: "x",
    });
    await insertAgent(tx, {
      id: agentId,
      userId: agentUser,
      shopName: "Bench Shop",
      locationText: "bench",
    });
  });
  // Orders spread over 30 days in every status, written in one statement per batch: the
  // point is the size of the table, not the path that wrote it.
  const ids = customers.map((c) => c.id);
  for (let done = 0; done < ORDERS; done += 20_000) {
    const n = Math.min(20_000, ORDERS - done);
    await inTransaction(
      (tx) => tx.$executeRaw`
        INSERT INTO orders (id, reference, type, status, customer_id, agent_id, currency, amount, fee, commission,
                            token_hash, typed_code, config_version, expires_at, created_at, claimed_at, completed_at)
        SELECT gen_random_uuid(), 'PB-' || (${done} + g), CASE WHEN g % 3 = 0 THEN 'CASH_OUT' ELSE 'CASH_IN' END::"OrderType",
               (ARRAY['COMPLETED','COMPLETED','COMPLETED','EXPIRED','CANCELLED','DECLINED'])[1 + g % 6]::"OrderStatus",
               (${ids}::uuid[])[1 + g % ${ids.length}], ${agentId}::uuid, 'KES', 10000 + g % 5000, 150, 90,
               md5(${done}::text || '-' || g), lpad((g % 100000000)::text, 9, '0'), 1,
               now() - (g % 30) * interval '1 day' + interval '10 minutes',
               now() - (g % 30) * interval '1 day' - (g % 1440) * interval '1 minute',
               now() - (g % 30) * interval '1 day', now() - (g % 30) * interval '1 day' + interval '1 minute'
        FROM generate_series(1, ${n}) g`,
    );
  }
  await inTransaction((tx) => tx.$executeRaw`ANALYZE orders`);
  return { agentId, phone: customers[0]!.phone };
}

async function time(label: string, run: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(52)} median ${samples[2]!.toFixed(1)} ms (max ${samples[4]!.toFixed(1)} ms)`,
  );
}

async function main() {
  process.env.NEXTAUTH_SECRET ??= "benchmark-secret-0123456789abcdef0123";
  const { agentId, phone } = await setup();
  console.log(`operator lists with ${ORDERS.toLocaleString("en")} orders`);
  await time("orders: first page, no filter", () => findOrders({}, { limit: 50 }));
  await time("orders: status COMPLETED + type CASH_OUT", () =>
    findOrders({ status: "COMPLETED", type: "CASH_OUT" }, { limit: 50 }),
  );
  await time("orders: one customer's phone", () =>
    findOrders({ customerPhone: phone }, { limit: 50 }),
  );
  await time("orders: one agent, last 7 days", () =>
    findOrders({ agentId, from: new Date(Date.now() - 7 * 86_400_000) }, { limit: 50 }),
  );
  const first = await findOrders({}, { limit: 50 });
  const last = first[first.length - 1]!;
  await time("orders: page 2 by keyset cursor", () =>
    findOrders({}, { limit: 50, before: { createdAt: last.createdAt, id: last.id } }),
  );
  await time("audit: first page", () => searchAudit({ limit: 50 }));
  await time("overview (today, 7 days, series, positions)", () => operatorOverview());
  // Every bench customer cashes in and out with the one agent: the worst case, all flagged.
  await time("overview: customer–agent pairs cycling money", () => listCyclingPairs());
  await disconnectDb();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
