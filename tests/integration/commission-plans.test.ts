import { describe, expect, it } from "vitest";
import { inTransaction } from "../../src/server/db/transaction";
import {
  balances,
  key,
  newAdmin,
  newAgent,
  newCustomer,
  placeOrder,
  serveOrder,
  uniquePhone,
} from "./helpers";

describe("commission plans", () => {
  it("pays each agent by its own plan", async () => {
    const customer = await newCustomer(1_000_000n);
    const standard = await newAgent(1_000_000n, "Standard Shop", "STANDARD");
    const highVolume = await newAgent(1_000_000n, "Busy Shop", "HIGH_VOLUME");

    // Cash-in of KES 2,500: 0.2% on STANDARD, 0.25% on HIGH_VOLUME.
    const a = await serveOrder(standard, customer, await placeOrder(customer, "CASH_IN", 250_000n));
    const b = await serveOrder(
      highVolume,
      customer,
      await placeOrder(customer, "CASH_IN", 250_000n),
    );
    expect([a.commission, b.commission]).toEqual([500n, 625n]);
    // Cash-out of KES 1,000 (fee KES 15): 60% and 65% of the fee.
    const c = await serveOrder(
      standard,
      customer,
      await placeOrder(customer, "CASH_OUT", 100_000n),
    );
    const d = await serveOrder(
      highVolume,
      customer,
      await placeOrder(customer, "CASH_OUT", 100_000n),
    );
    expect([c.commission, d.commission]).toEqual([900n, 975n]);

    expect((await balances(standard.userId)).COMMISSION!.balance).toBe(1_400n);
    expect((await balances(highVolume.userId)).COMMISSION!.balance).toBe(1_600n);
  });

  it("an order has no commission until claimed, and a claimed order always has one", async () => {
    const customer = await newCustomer();
    const agent = await newAgent();
    const order = await placeOrder(customer, "CASH_IN", 250_000n);
    const stored = await inTransaction((tx) => tx.order.findUnique({ where: { id: order.id } }));
    expect(stored!.commission).toBeNull();
    // Whatever path assigns an agent must price the commission with it.
    await expect(
      inTransaction(
        (tx) =>
          tx.$executeRaw`UPDATE orders SET status = 'CLAIMED', agent_id = ${agent.agentId}::uuid
                         WHERE id = ${order.id}::uuid`,
      ),
    ).rejects.toThrow(/orders_commission_once_claimed/);
  });

  it("a plan, once offered, cannot be removed; one added later pays open orders at its rates", async () => {
    const admin = await newAdmin();
    const customer = await newCustomer();
    const agent = await newAgent(5_000_000n, "Rural Shop", "STANDARD");
    const [current] = await admin.api.admin.settings({ limit: 1 });
    const { HIGH_VOLUME: _dropped, ...fewer } = current!.settings.commissionPlans;
    await expect(
      admin.api.admin.updateSettings({
        basedOnVersion: current!.version,
        settings: { ...current!.settings, commissionPlans: fewer },
      }),
    ).rejects.toThrow(/cannot be removed, agents may be on it: HIGH_VOLUME/);

    const open = await placeOrder(customer, "CASH_IN", 250_000n);
    const rural = {
      name: "Rural",
      cashIn: { bps: 30, min: "200", max: "6000" },
      cashOutShareBps: 6500,
    };
    const withRural = {
      ...current!.settings,
      commissionPlans: { ...current!.settings.commissionPlans, RURAL: rural },
    };
    // RURAL stays offered from now on (plans are never dropped); other tests name only
    // STANDARD and HIGH_VOLUME.
    await admin.api.admin.updateSettings({ basedOnVersion: current!.version, settings: withRural });
    await admin.api.admin.setAgentPlan({ agentId: agent.agentId, plan: "RURAL" });
    // The order was priced before RURAL existed: the agent is paid RURAL's rate (0.3%).
    expect((await serveOrder(agent, customer, open)).commission).toBe(750n);
  });

  it("a rate change pays orders created after it; a plan change pays orders claimed after it", async () => {
    const admin = await newAdmin();
    const customer = await newCustomer();
    const agent = await newAgent(5_000_000n, "Moving Shop", "STANDARD");
    const [current] = await admin.api.admin.settings({ limit: 1 });

    const early = await placeOrder(customer, "CASH_IN", 250_000n);
    const raised = structuredClone(current!.settings);
    raised.commissionPlans.STANDARD!.cashIn.bps = 30;
    const { version } = await admin.api.admin.updateSettings({
      basedOnVersion: current!.version,
      settings: raised,
    });
    try {
      const late = await placeOrder(customer, "CASH_IN", 250_000n);
      // The early order was priced under the old version: the old rate.
      expect((await serveOrder(agent, customer, early)).commission).toBe(500n);
      expect((await serveOrder(agent, customer, late)).commission).toBe(750n);

      await admin.api.admin.setAgentPlan({ agentId: agent.agentId, plan: "HIGH_VOLUME" });
      const moved = await serveOrder(
        agent,
        customer,
        await placeOrder(customer, "CASH_IN", 250_000n),
      );
      expect(moved.commission).toBe(625n);
      const audit = await admin.api.admin.audit({ entityType: "agent", entityId: agent.agentId });
      expect(audit[0]).toMatchObject({
        action: "agent.plan",
        before: { commissionPlan: "STANDARD" },
        after: { commissionPlan: "HIGH_VOLUME" },
      });
    } finally {
      // Put the seeded rates back for the other tests.
      await admin.api.admin.updateSettings({
        basedOnVersion: version,
        settings: current!.settings,
      });
    }
  });

  it("an agent can be put only on a plan the settings offer", async () => {
    const admin = await newAdmin();
    const agent = await newAgent();
    await expect(
      admin.api.admin.setAgentPlan({ agentId: agent.agentId, plan: "GOLD" }),
    ).rejects.toThrow(/There is no GOLD plan. Plans: STANDARD, HIGH_VOLUME/);
    await expect(
      admin.api.admin.onboardAgent({
        shopName: "Gold Shop",
        ownerName: "Owner",
        ownerPhone: uniquePhone(),
        pin: "1234",
        locationText: "Somewhere",
        commissionPlan: "GOLD",
        idempotencyKey: key(),
      }),
    ).rejects.toThrow(/There is no GOLD plan/);
  });

  it("refuses prices a customer and an agent could farm by cycling money, and saves nothing", async () => {
    const admin = await newAdmin();
    const [current] = await admin.api.admin.settings({ limit: 1 });
    const generous = structuredClone(current!.settings);
    // The old seeded rate: KES 5.00 at least, against a KES 3.50 platform part at KES 50.00.
    generous.commissionPlans.HIGH_VOLUME!.cashIn = { bps: 50, min: "500", max: "25000" };
    await expect(
      admin.api.admin.updateSettings({ basedOnVersion: current!.version, settings: generous }),
    ).rejects.toThrow(
      "A cash-in of KES 50.00 followed by a cash-out of KES 50.00 would earn the customer and an agent on High volume KES 1.50 of the platform's money: lower the cash-in commission or raise the cash-out fee's platform part",
    );
    const [after] = await admin.api.admin.settings({ limit: 1 });
    expect(after!.version).toBe(current!.version);
  });
});

describe("onboarding under an idempotency key", () => {
  it("a retry returns the shop it opened; the key with other details is refused", async () => {
    const admin = await newAdmin();
    const input = {
      shopName: "Retry Duka",
      ownerName: "Amani",
      ownerPhone: uniquePhone(),
      pin: "2468",
      locationText: "Nakuru, Kenyatta Avenue",
      commissionPlan: "STANDARD",
      idempotencyKey: key(),
    };
    const [first, second] = await Promise.all([
      admin.api.admin.onboardAgent(input),
      admin.api.admin.onboardAgent(input),
    ]);
    expect(second).toEqual(first);
    const again = await admin.api.admin.onboardAgent(input);
    expect(again).toEqual(first);
    await expect(
      admin.api.admin.onboardAgent({ ...input, shopName: "Another Duka" }),
    ).rejects.toThrow(/already used for a different request/);
    // Another PIN under the same key is another request: the operator would otherwise hand
    // the owner a PIN that does not work.
    await expect(admin.api.admin.onboardAgent({ ...input, pin: "1357" })).rejects.toThrow(
      /already used for a different request/,
    );
  });
});
