import { describe, expect, it } from "vitest";
import { handleTrpcRequest, MAX_BATCH_SIZE } from "../../src/server/api/http";
import type { Context } from "../../src/server/api/trpc";
import { newCustomer } from "./helpers";

/** One GET batching `size` calls of customer.overview, as httpBatchLink would send it. */
async function batch(ctx: Context, size: number) {
  const paths = Array.from({ length: size }, () => "customer.overview").join(",");
  const input = encodeURIComponent(JSON.stringify({}));
  const started = performance.now();
  const res = await handleTrpcRequest(
    new Request(`http://localhost/api/trpc/${paths}?batch=1&input=${input}`),
    async () => ctx,
  );
  const body = (await res.json()) as unknown;
  return { status: res.status, body, ms: performance.now() - started };
}

// One request must not buy an unbounded amount of server time: a batch is capped well above
// what our own client sends (its httpBatchLink splits at a lower size).
describe("tRPC batches", () => {
  it("a batch above the cap is refused with 400 before any call runs", async () => {
    const customer = await newCustomer();
    const ctx: Context = { actor: customer.actor, ip: "127.0.0.1" };
    for (const size of [MAX_BATCH_SIZE + 1, 800]) {
      const outcome = await batch(ctx, size);
      expect(outcome.status).toBe(400);
      expect(JSON.stringify(outcome.body)).toMatch(/Batch call exceeds maximum size/);
      expect(outcome.ms).toBeLessThan(500);
    }
  });

  it("a batch at the cap is answered", async () => {
    const customer = await newCustomer();
    const outcome = await batch({ actor: customer.actor, ip: "127.0.0.1" }, MAX_BATCH_SIZE);
    expect(outcome.status).toBe(200);
    expect(outcome.body).toHaveLength(MAX_BATCH_SIZE);
  });
});
