import { randomUUID } from "node:crypto";
import { DEFAULT_SETTINGS } from "@/domain/settings";
import { ensurePlatformAccount, ensureUserAccount } from "../repositories/accounts";
import { setOpeningHours, setShopPosition } from "../repositories/finder";
import { postEntry } from "../repositories/ledger";
import { insertAssistant } from "../repositories/staff";
import { findUserByPhone, insertAgent, insertUser } from "../repositories/users";
import { hashPin } from "../security/pin";
import { disconnectDb } from "./client";
import { inTransaction, type Tx } from "./transaction";

/** The demo logins printed in README.md. */
export const DEMO = {
  admin: { phone: "+254700000001", pin: "admin-demo-2026", name: "Operator One" },
  /** A second operator, so reversals (maker-checker) can be tried out. */
  checker: { phone: "+254700000002", pin: "checker-demo-2026", name: "Operator Two" },
  agents: [
    {
      phone: "+254700000101",
      pin: "1111",
      name: "Wanjiru",
      shopName: "Wanjiru General Store",
      location: "Kibera, Olympic estate",
      float: 5_000_000n,
      plan: "STANDARD",
      // The finder's demo: a place in Nairobi and a week of hours (minutes of the day).
      place: { areaName: "Kibera", latitude: -1.3127, longitude: 36.7869 },
      hours: Array.from({ length: 7 }, () => ({ open: 6 * 60, close: 23 * 60 })),
    },
    {
      phone: "+254700000102",
      pin: "2222",
      name: "Otieno",
      shopName: "Otieno Mobile Point",
      location: "Westlands, Woodvale Grove",
      float: 2_000_000n,
      plan: "HIGH_VOLUME",
      place: { areaName: "Westlands", latitude: -1.2676, longitude: 36.8065 },
      hours: [
        ...Array.from({ length: 5 }, () => ({ open: 8 * 60, close: 20 * 60 })),
        { open: 9 * 60, close: 17 * 60 },
        null,
      ],
    },
  ],
  /** A shop assistant at the first agent's shop (Wanjiru General Store): serves on its float. */
  assistants: [{ phone: "+254700000111", pin: "2222", name: "Otieno Kamau", shopIndex: 0 }],
  customers: [
    { phone: "+254711000001", pin: "1234", name: "Amina Njeri", balance: 500_000n },
    { phone: "+254711000002", pin: "5678", name: "Brian Kamau", balance: 120_000n },
  ],
} as const;

/** Money enters the platform from the operator's bank (SETTLEMENT): a balanced entry. */
export async function depositFromSettlement(
  tx: Tx,
  accountId: bigint,
  amount: bigint,
  kind: string,
  description: string,
  currency: string = DEFAULT_SETTINGS.currency,
): Promise<void> {
  const settlement = await ensurePlatformAccount(tx, "SETTLEMENT", currency);
  const result = await postEntry(tx, {
    kind,
    orderId: null,
    description,
    postings: [
      { accountId: settlement, amount: -amount },
      { accountId, amount },
    ],
  });
  if (!("entryId" in result)) throw new Error("seed deposit refused");
}

/**
 * The demo people of README, whose PINs are public: only on a demo database (the embedded
 * default, or --demo / PROXYPAY_DEMO=1, see scripts/with-db.ts). Settings and platform
 * accounts come from the migration runner (bootstrap.ts). Idempotent: does nothing once the
 * demo admin exists. Returns whether it seeded.
 */
export async function seedDemoData(): Promise<boolean> {
  const currency = DEFAULT_SETTINGS.currency;
  const hashes = {
    admin: await hashPin(DEMO.admin.pin),
    checker: await hashPin(DEMO.checker.pin),
    agents: await Promise.all(DEMO.agents.map((a) => hashPin(a.pin))),
    assistants: await Promise.all(DEMO.assistants.map((a) => hashPin(a.pin))),
    customers: await Promise.all(DEMO.customers.map((c) => hashPin(c.pin))),
  };
  try {
    return await inTransaction(async (tx) => {
      if (await findUserByPhone(tx, DEMO.admin.phone)) return false;
      await insertUser(tx, {
        id: randomUUID(),
        role: "ADMIN",
        ...DEMO.admin,
        pinHash: hashes.admin,
      });
      await insertUser(tx, {
        id: randomUUID(),
        role: "ADMIN",
        ...DEMO.checker,
        pinHash: hashes.checker,
      });
      const owners: { userId: string; agentId: string }[] = [];
      for (const [i, a] of DEMO.agents.entries()) {
        const userId = randomUUID();
        await insertUser(tx, {
          id: userId,
          role: "AGENT",
          phone: a.phone,
          name: a.name,
          pinHash: hashes.agents[i]!,
        });
        const agentId = randomUUID();
        owners.push({ userId, agentId });
        await insertAgent(tx, {
          id: agentId,
          userId,
          shopName: a.shopName,
          locationText: a.location,
          commissionPlan: a.plan,
        });
        await setShopPosition(tx, { agentId, ...a.place });
        await setOpeningHours(tx, agentId, a.hours);
        const float = await ensureUserAccount(tx, userId, "FLOAT", currency);
        await ensureUserAccount(tx, userId, "COMMISSION", currency);
        await depositFromSettlement(
          tx,
          float,
          a.float,
          "FLOAT_FUNDING",
          `Opening float of ${a.shopName}`,
        );
      }
      for (const [i, a] of DEMO.assistants.entries()) {
        const userId = randomUUID();
        const shop = owners[a.shopIndex]!;
        await insertUser(tx, {
          id: userId,
          role: "ASSISTANT",
          phone: a.phone,
          name: a.name,
          pinHash: hashes.assistants[i]!,
        });
        await insertAssistant(tx, { userId, agentId: shop.agentId, addedBy: shop.userId });
      }
      for (const [i, c] of DEMO.customers.entries()) {
        const userId = randomUUID();
        await insertUser(tx, {
          id: userId,
          role: "CUSTOMER",
          phone: c.phone,
          name: c.name,
          pinHash: hashes.customers[i]!,
        });
        const wallet = await ensureUserAccount(tx, userId, "WALLET", currency);
        await depositFromSettlement(
          tx,
          wallet,
          c.balance,
          "DEMO_BALANCE",
          `Demo balance of ${c.name}`,
        );
      }
      return true;
    });
  } finally {
    await disconnectDb();
  }
}
