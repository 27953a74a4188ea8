import { describe, expect, it } from "vitest";
import { CLOSE_REASON } from "../../src/domain/close-reasons";
import { expireIfDue } from "../../src/server/use-cases/expire-orders";
import { key, makeExpired, newAgent, newCustomer, placeOrder } from "./helpers";

// What each side is told when an order closed without the money moving: an order the agent
// scanned did not expire "before it was used", and a customer's Reject is not an agent's
// Decline (the screens tell the two apart by these reasons, src/domain/close-reasons.ts).

describe("close reasons", () => {
  it("a code nobody scanned expires unused", async () => {
    const customer = await newCustomer(100_000n);
    const order = await placeOrder(customer, "CASH_OUT", 10_000n);
    await makeExpired(order.id);
    expect(await expireIfDue(order.id)).toBe(true);
    const seen = await customer.api.customer.order({ orderId: order.id });
    expect(seen.status).toBe("EXPIRED");
    expect(seen.closeReason).toBe(CLOSE_REASON.codeExpired);
  });

  it("a scanned cash-out expires waiting for the customer's approval, on both screens", async () => {
    const customer = await newCustomer(100_000n);
    const agent = await newAgent(0n, "Reason Shop");
    const order = await placeOrder(customer, "CASH_OUT", 10_000n);
    await agent.api.agent.claim({ token: order.token! });
    await makeExpired(order.id);
    expect(await expireIfDue(order.id)).toBe(true);
    // A second sweep finds nothing left to do.
    expect(await expireIfDue(order.id)).toBe(false);
    const phone = await customer.api.customer.order({ orderId: order.id });
    const tablet = await agent.api.agent.order({ orderId: order.id });
    expect(phone.status).toBe("EXPIRED");
    expect(phone.closeReason).toBe(CLOSE_REASON.cashOutNotApproved);
    expect(tablet.closeReason).toBe(CLOSE_REASON.cashOutNotApproved);
  });

  it("a scanned cash-in expires waiting for the agent's confirmation", async () => {
    const customer = await newCustomer(0n);
    const agent = await newAgent(100_000n, "Reason Shop In");
    const order = await placeOrder(customer, "CASH_IN", 10_000n);
    await agent.api.agent.claim({ token: order.token! });
    await makeExpired(order.id);
    expect(await expireIfDue(order.id)).toBe(true);
    const seen = await customer.api.customer.order({ orderId: order.id });
    expect(seen.closeReason).toBe(CLOSE_REASON.cashInNotConfirmed);
  });

  it("the customer's Reject is recorded as theirs, not as an agent's decline", async () => {
    const customer = await newCustomer(100_000n);
    const agent = await newAgent(0n, "Reject Shop");
    const order = await placeOrder(customer, "CASH_OUT", 10_000n);
    await agent.api.agent.claim({ token: order.token! });
    const closed = await customer.api.customer.answerApproval({
      orderId: order.id,
      approve: false,
      idempotencyKey: key(),
    });
    expect(closed.status).toBe("DECLINED");
    expect(closed.closeReason).toBe(CLOSE_REASON.rejectedByCustomer);
  });
});
