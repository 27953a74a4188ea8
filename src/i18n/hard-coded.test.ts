import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const script = path.join(root, "scripts/check-strings.mjs");

/** Runs the scan; its exit status and what it printed. */
function scan(...targets: string[]): { ok: boolean; out: string } {
  try {
    return {
      ok: true,
      out: execFileSync("node", [script, ...targets], { cwd: root, encoding: "utf8" }),
    };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, out: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

describe("words on screens come from the catalogues", () => {
  it("finds no hard-coded string in any component or page", () => {
    const { ok, out } = scan();
    expect(out).toContain("no hard-coded strings");
    expect(ok).toBe(true);
    // It parses every component and page: seconds of CPU, more on a busy machine.
  }, 60_000);

  it("would catch one: text, a spoken attribute, and a sentence in code", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pp-strings-"));
    const file = path.join(dir, "sample.tsx");
    writeFileSync(
      file,
      [
        "export const A = () => <p>Cancel order</p>;",
        'export const B = () => <button type="button" aria-label="Close" />;',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the sample is source text
        "export const C = (n: number) => `Sent to ${n} people`;",
        'export const D = () => <b className="muted" data-testid="x">{"…"}</b>;',
      ].join("\n"),
    );
    const { ok, out } = scan(file);
    expect(ok).toBe(false);
    expect(out).toContain(":1:");
    expect(out).toContain(":2:");
    expect(out).toContain(":3:");
    expect(out).not.toContain(":4:");
  }, 60_000);
});
