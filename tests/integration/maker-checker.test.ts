import { describe, expect, it } from "vitest";
import { statementDownload } from "../../src/server/api/statement-download";
import { authOptions, authorizeCredentials } from "../../src/server/auth/options";
import { inTransaction } from "../../src/server/db/transaction";
import { activateOperator } from "../../src/server/use-cases/activate-operator";
import { appRouter, balances, key, newAdmin, newAgent, uniquePhone } from "./helpers";

// Issue 8: what one operator could do alone that needs two.

/** A fresh IP per activation test: wrong codes count against the caller's IP. */
function someIp(): string {
  return `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
}

async function userByPhone(phone: string) {
  return inTransaction((tx) => tx.user.findUnique({ where: { phone } }));
}

describe("a new operator takes two operators, and only the new person knows the password", () => {
  it("one operator alone cannot create an operator, nor learn or choose its password", async () => {
    const maker = await newAdmin();
    const checker = await newAdmin();
    const phone = uniquePhone();
    const ip = someIp();
    const proposal = await maker.api.admin.proposeOperator({ phone, name: "Njeri Ops" });
    // A proposal is not an account: nobody can sign in with that phone yet.
    expect(await userByPhone(phone)).toBeNull();
    await expect(
      maker.api.admin.decideOperator({ invitationId: proposal.invitationId, approve: true }),
    ).rejects.toThrow(/second operator/);
    // The maker's code alone opens nothing, before or after approval.
    const withMakerOnly = {
      phone,
      proposerCode: proposal.proposerCode,
      approverCode: "0000-0000-0000-0000",
      password: "maker chose this one",
    };
    await expect(activateOperator(withMakerOnly, ip)).rejects.toThrow(/do not open/);
    const approval = await checker.api.admin.decideOperator({
      invitationId: proposal.invitationId,
      approve: true,
    });
    expect(await userByPhone(phone)).toBeNull();
    await expect(activateOperator(withMakerOnly, ip)).rejects.toThrow(/do not open/);
    // Nor does the checker's alone.
    await expect(
      activateOperator(
        {
          phone,
          proposerCode: "0000-0000-0000-0000",
          approverCode: approval.approverCode!,
          password: "checker chose this one",
        },
        ip,
      ),
    ).rejects.toThrow(/do not open/);
    // Neither code is stored or logged in clear.
    const stored = JSON.stringify(
      await inTransaction(async (tx) => ({
        invitations: await tx.operatorInvitation.findMany({ where: { phone } }),
        audit: await tx.auditLog.findMany({ where: { entityId: proposal.invitationId } }),
        keys: await tx.idempotencyKey.findMany({
          where: { userId: { in: [maker.userId, checker.userId] } },
        }),
      })),
      (_k, v) => (typeof v === "bigint" ? v.toString() : v),
    );
    for (const code of [proposal.proposerCode, approval.approverCode!]) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replaceAll("-", ""));
    }
    // The new person, with both codes, chooses the password; the codes are then spent.
    const both = {
      phone,
      proposerCode: proposal.proposerCode.toLowerCase(),
      approverCode: approval.approverCode!.replaceAll("-", " "),
      password: "only njeri knows this",
    };
    await expect(activateOperator(both, ip)).resolves.toMatchObject({ name: "Njeri Ops" });
    await expect(
      authorizeCredentials({ phone, pin: "only njeri knows this", audience: "admin" }),
    ).resolves.toMatchObject({ role: "ADMIN" });
    await expect(activateOperator({ ...both, password: "someone else's try" }, ip)).rejects.toThrow(
      /do not open/,
    );
    await expect(
      authorizeCredentials({ phone, pin: "only njeri knows this", audience: "admin" }),
    ).resolves.toMatchObject({ role: "ADMIN" });
    const audit = await maker.api.admin.audit({ entityId: proposal.invitationId });
    expect(audit.map((a) => a.action).sort()).toEqual([
      "operator.activate",
      "operator.approve",
      "operator.propose",
    ]);
  });

  it("the old way is gone: no procedure takes a password for someone else", async () => {
    const admin = await newAdmin();
    expect(Object.keys(appRouter._def.procedures)).not.toContain("admin.createOperator");
    await expect(
      admin.api.admin.proposeOperator({
        phone: uniquePhone(),
        name: "X",
        password: "chosen by the maker",
      } as never),
    ).rejects.toThrow();
  });

  it("a rejected or expired proposal opens nothing; the phone can be proposed again", async () => {
    const maker = await newAdmin();
    const checker = await newAdmin();
    const phone = uniquePhone();
    const first = await maker.api.admin.proposeOperator({ phone, name: "Late Ops" });
    await expect(maker.api.admin.proposeOperator({ phone, name: "Late Ops" })).rejects.toThrow(
      /already proposed/,
    );
    const approval = await checker.api.admin.decideOperator({
      invitationId: first.invitationId,
      approve: true,
    });
    await inTransaction(
      (tx) =>
        tx.$executeRaw`UPDATE operator_invitations SET expires_at = now() - interval '1 second' WHERE id = ${first.invitationId}::uuid`,
    );
    await expect(
      activateOperator(
        {
          phone,
          proposerCode: first.proposerCode,
          approverCode: approval.approverCode!,
          password: "too late for this",
        },
        someIp(),
      ),
    ).rejects.toThrow(/do not open/);
    const second = await maker.api.admin.proposeOperator({ phone, name: "Late Ops" });
    const rejected = await checker.api.admin.decideOperator({
      invitationId: second.invitationId,
      approve: false,
    });
    expect(rejected).toMatchObject({ status: "REJECTED", approverCode: null });
    expect(await userByPhone(phone)).toBeNull();
    const listed = await maker.api.admin.operatorInvitations({ limit: 100 });
    expect(listed.filter((i) => i.phone === phone).map((i) => i.status)).toEqual([
      "REJECTED",
      "EXPIRED",
    ]);
  });
});

describe("money moves beyond one operator's allowance wait for a second operator", () => {
  // The seeded allowance: KES 100,000.00 per operator per 24 hours.
  const ALLOWANCE = 10_000_000n;

  it("a lone operator's large funding moves nothing until another approves it", async () => {
    const maker = await newAdmin();
    const checker = await newAdmin();
    const agent = await newAgent();
    const outcome = await maker.api.admin.fundFloat({
      agentId: agent.agentId,
      amount: ALLOWANCE + 1n,
      externalRef: `BIG-${key().slice(0, 8)}`,
      idempotencyKey: key(),
    });
    expect(outcome.status).toBe("PENDING_APPROVAL");
    if (outcome.status !== "PENDING_APPROVAL") return;
    expect((await balances(agent.userId)).FLOAT?.balance).toBe(0n);
    const queue = await checker.api.admin.moneyRequests({ status: "REQUESTED", limit: 100 });
    expect(queue.find((r) => r.id === outcome.requestId)).toMatchObject({
      kind: "FUND_FLOAT",
      amount: ALLOWANCE + 1n,
      requestedBy: maker.userId,
    });
    await expect(
      maker.api.admin.decideMoneyRequest({
        requestId: outcome.requestId,
        approve: true,
        idempotencyKey: key(),
      }),
    ).rejects.toThrow(/second operator/);
    const approveKey = key();
    const approved = await checker.api.admin.decideMoneyRequest({
      requestId: outcome.requestId,
      approve: true,
      idempotencyKey: approveKey,
    });
    expect(approved).toMatchObject({ status: "APPROVED", agentBalanceAfter: ALLOWANCE + 1n });
    // A replay answers the same; another decision is refused; the money moved once.
    expect(
      await checker.api.admin.decideMoneyRequest({
        requestId: outcome.requestId,
        approve: true,
        idempotencyKey: approveKey,
      }),
    ).toEqual(approved);
    await expect(
      (await newAdmin()).api.admin.decideMoneyRequest({
        requestId: outcome.requestId,
        approve: true,
        idempotencyKey: key(),
      }),
    ).rejects.toThrow(/already decided/);
    expect((await balances(agent.userId)).FLOAT?.balance).toBe(ALLOWANCE + 1n);
  });

  it("a burst of fundings by one operator moves at most the allowance; the rest wait", async () => {
    const maker = await newAdmin();
    const agent = await newAgent();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        maker.api.admin.fundFloat({
          agentId: agent.agentId,
          amount: 3_000_000n,
          externalRef: `BURST-${key().slice(0, 8)}`,
          idempotencyKey: key(),
        }),
      ),
    );
    // KES 30,000.00 each: three fit in KES 100,000.00, the fourth would not.
    expect(results.filter((r) => r.status === "DONE")).toHaveLength(3);
    expect(results.filter((r) => r.status === "PENDING_APPROVAL")).toHaveLength(7);
    expect((await balances(agent.userId)).FLOAT?.balance).toBe(9_000_000n);
    // De-floats and payouts count against the same allowance.
    await expect(
      maker.api.admin.defloat({
        agentId: agent.agentId,
        amount: 1_000_001n,
        externalRef: `WD-${key().slice(0, 8)}`,
        idempotencyKey: key(),
      }),
    ).resolves.toMatchObject({ status: "PENDING_APPROVAL" });
    // Rejecting moves nothing.
    const checker = await newAdmin();
    for (const r of results) {
      if (r.status !== "PENDING_APPROVAL") continue;
      await checker.api.admin.decideMoneyRequest({
        requestId: r.requestId,
        approve: false,
        idempotencyKey: key(),
      });
    }
    expect((await balances(agent.userId)).FLOAT?.balance).toBe(9_000_000n);
  });
});

describe("locking an operator", () => {
  it("another operator locks and unlocks; the locked one is refused everywhere", async () => {
    const a = await newAdmin();
    const b = await newAdmin();
    const agent = await newAgent(100_000n);
    const float = await inTransaction((tx) =>
      tx.account.findFirstOrThrow({ where: { userId: agent.userId, kind: "FLOAT" } }),
    );
    const csv = (actor: typeof b.actor) =>
      statementDownload(
        new Request(`http://localhost/api/admin/statement?accountId=${float.id}`),
        actor,
      );
    expect((await csv(b.actor)).status).toBe(200);
    await expect(a.api.admin.lockOperator({ userId: a.userId, reason: "self" })).rejects.toThrow(
      /Another operator/,
    );
    const signedInBefore = Date.now() - 1_000;
    await a.api.admin.lockOperator({ userId: b.userId, reason: "Left the company" });
    await expect(b.api.admin.operators()).rejects.toThrow(/locked/);
    await expect(b.api.admin.lockOperator({ userId: a.userId, reason: "revenge" })).rejects.toThrow(
      /locked/,
    );
    const refused = await csv(b.actor);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/locked/);
    // The session the locked operator holds ends at its next read.
    const jwt = authOptions.callbacks!.jwt!;
    const token = { uid: b.userId, role: "ADMIN" as const, signedInAt: signedInBefore };
    await expect(jwt({ token } as never)).rejects.toThrow(/session ended/);
    await a.api.admin.unlockOperator({ userId: b.userId });
    await expect(b.api.admin.operators()).resolves.toBeDefined();
    // ...and stays ended after the unlock: only a new sign-in works.
    await expect(jwt({ token } as never)).rejects.toThrow(/session ended/);
    await expect(
      jwt({ token: { ...token, signedInAt: Date.now() + 1_000 } } as never),
    ).resolves.toBeDefined();
    const audit = await a.api.admin.audit({ entityId: b.userId });
    expect(audit.map((r) => r.action)).toEqual(["operator.unlock", "operator.lock"]);
  });

  it("the statement download maps errors like the API and never echoes them as 404", async () => {
    const admin = await newAdmin();
    const gone = { userId: crypto.randomUUID(), role: "ADMIN" as const, ip: null };
    const req = (id: string) => new Request(`http://localhost/api/admin/statement?accountId=${id}`);
    expect((await statementDownload(req("1"), gone)).status).toBe(401);
    expect((await statementDownload(req("1"), null)).status).toBe(401);
    const customer = { userId: admin.userId, role: "CUSTOMER" as const, ip: null };
    expect((await statementDownload(req("1"), customer)).status).toBe(403);
    const unknown = await statementDownload(req("999999999999"), admin.actor);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe("No such account");
    expect((await statementDownload(req("abc"), admin.actor)).status).toBe(400);
  });
});

describe("SETTLEMENT's position is bounded", () => {
  async function settlementBalance(): Promise<bigint> {
    return inTransaction(async (tx) => {
      const row = await tx.account.findFirstOrThrow({
        where: { kind: "SETTLEMENT", currency: "KES", userId: null },
      });
      return row.balance;
    });
  }

  /** Settings as a new version; `standing` backdates it, as if saved a day ago. */
  async function saveLimit(admin: Awaited<ReturnType<typeof newAdmin>>, limit: bigint) {
    const [current] = await admin.api.admin.settings({ limit: 1 });
    const changed = structuredClone(current!.settings);
    changed.settlementLimit = limit.toString();
    return admin.api.admin.updateSettings({ basedOnVersion: current!.version, settings: changed });
  }

  async function backdateLatest() {
    await inTransaction(
      (tx) => tx.$executeRaw`
        INSERT INTO config_versions (version, settings, created_by, created_at)
        SELECT version + 1, settings, created_by, now() - interval '25 hours'
        FROM config_versions ORDER BY version DESC LIMIT 1`,
    );
  }

  it("of a burst of fundings, exactly those that fit under the limit are accepted", async () => {
    const admin = await newAdmin();
    const [current] = await admin.api.admin.settings({ limit: 1 });
    const before = BigInt(current!.settings.settlementLimit);
    const issued = -(await settlementBalance());
    const each = 1_000_000n;
    // Room for exactly five fundings; lowering a limit applies at once.
    await saveLimit(admin, issued + 5n * each);
    const agents = await Promise.all(Array.from({ length: 4 }, () => newAgent()));
    const operators = await Promise.all(Array.from({ length: 12 }, () => newAdmin()));
    const results = await Promise.allSettled(
      operators.map((op, i) =>
        op.api.admin.fundFloat({
          agentId: agents[i % agents.length]!.agentId,
          amount: each,
          externalRef: `LIM-${key().slice(0, 8)}`,
          idempotencyKey: key(),
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    for (const r of results) {
      if (r.status === "rejected")
        expect((r.reason as Error).message).toMatch(/above its limit of KES/);
    }
    expect(await settlementBalance()).toBe(-(issued + 5n * each));
    // De-floating brings e-money back in: a funding fits again.
    const floats = await Promise.all(agents.map((a) => balances(a.userId)));
    const funded = agents.findIndex((_a, i) => (floats[i]!.FLOAT?.balance ?? 0n) > 0n);
    await admin.api.admin.defloat({
      agentId: agents[funded]!.agentId,
      amount: each,
      externalRef: `WD-${key().slice(0, 8)}`,
      idempotencyKey: key(),
    });
    await expect(
      admin.api.admin.fundFloat({
        agentId: agents[0]!.agentId,
        amount: each,
        externalRef: `LIM-${key().slice(0, 8)}`,
        idempotencyKey: key(),
      }),
    ).resolves.toMatchObject({ status: "DONE" });

    // Raising the limit takes effect only once it has stood for 24 hours.
    await saveLimit(admin, before);
    await expect(
      admin.api.admin.fundFloat({
        agentId: agents[0]!.agentId,
        amount: each,
        externalRef: `LIM-${key().slice(0, 8)}`,
        idempotencyKey: key(),
      }),
    ).rejects.toThrow(/above its limit/);
    await backdateLatest();
    await expect(
      admin.api.admin.fundFloat({
        agentId: agents[0]!.agentId,
        amount: each,
        externalRef: `LIM-${key().slice(0, 8)}`,
        idempotencyKey: key(),
      }),
    ).resolves.toMatchObject({ status: "DONE" });
  });
});
