import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { appRouter } from "../../src/server/api/root";
import { callHttp, snapshot } from "./http";
import { MATRIX, personas } from "./procedures";

// Input fuzzing for every procedure: malformed variants of a valid input (wrong types,
// negatives, fractions, 2^63, unicode, 10 kB strings, extra and missing keys, and random
// values from fast-check) are sent over HTTP as the procedure's rightful caller. No input
// may produce a 5xx; every refusal must carry a message and leave the database unchanged.
const RANDOM_PER_KEY = Number(process.env.FUZZ_RANDOM ?? 6);

const NASTY: unknown[] = [
  null,
  true,
  0,
  -1,
  0.5,
  -0.0001,
  2n ** 63n,
  -(2n ** 63n),
  1e308,
  "",
  " ",
  "🙂",
  "\u0000",
  "x".repeat(10_000),
  "1; DROP TABLE orders; --",
  [],
  [1, 2],
  {},
  { $ne: null },
  new Date(0),
];

function variants(base: unknown): unknown[] {
  const out: unknown[] = [undefined, null, 42, "text", [], {}, "x".repeat(10_000)];
  if (base && typeof base === "object" && !Array.isArray(base)) {
    const record = base as Record<string, unknown>;
    out.push({ ...record, unexpected: 1 }, { ...record, ["x".repeat(300)]: "y" });
    for (const k of Object.keys(record)) {
      const { [k]: _dropped, ...without } = record;
      out.push(without);
      for (const value of NASTY) out.push({ ...record, [k]: value });
      for (const value of fc.sample(
        fc.anything({ withBigInt: true, withDate: true }),
        RANDOM_PER_KEY,
      )) {
        out.push({ ...record, [k]: value });
      }
    }
  }
  return out;
}

const tried = { inputs: 0, refused: 0, accepted: 0 };

describe("input fuzzing", () => {
  for (const path of Object.keys(MATRIX)) {
    it(`${path}: never a 5xx, and a refusal changes nothing`, async () => {
      const who = await personas();
      const rule = MATRIX[path]!;
      const actor = who[rule.allow[0]!];
      for (const input of variants(rule.input(who.fixture))) {
        const before = await snapshot();
        const outcome = await callHttp(actor, path, input);
        tried.inputs++;
        const shown = JSON.stringify(input, (_k, v) =>
          typeof v === "bigint" ? `${v}n` : v,
        )?.slice(0, 120);
        expect(outcome.status, `${path} ${shown}: ${outcome.message}`).toBeLessThan(500);
        if (outcome.status >= 400) {
          tried.refused++;
          expect(outcome.message.length, `${path} ${shown}`).toBeGreaterThan(3);
          expect(await snapshot(), `${path} ${shown} changed the database`).toEqual(before);
        } else {
          tried.accepted++;
        }
      }
    });
  }

  it("covers every procedure", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
    console.log(
      `[fuzz] ${tried.inputs} inputs tried: ${tried.refused} refused with 4xx, ${tried.accepted} accepted, 0 server errors`,
    );
  });
});
