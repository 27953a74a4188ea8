import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contrastRatio, over, parseColor, type Rgba } from "./contrast";

// Issue 12, "Accessible": every text colour on every background the UI puts it on, and every
// boundary a control needs to be found (input borders, focus rings), meets WCAG AA.
// 4.5:1 for text, 3:1 for large text (>= 24px, or >= 18.66px bold) and for UI boundaries.
// The pairs are listed by hand (which colour sits on which is layout, not CSS syntax), and a
// second test fails when a stylesheet starts using a text colour no pair covers.

const SRC = path.resolve(import.meta.dirname, "..");
const GLOBALS = path.join(SRC, "app/globals.css");

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : cssFiles(full);
    return entry.name.endsWith(".css") ? [full] : [];
  });
}

/** A comment may say "color: ..." in words; only declarations count. */
function withoutComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, "");
}

/** The custom properties of globals.css's :root block. */
function rootTokens(): Map<string, string> {
  const css = withoutComments(readFileSync(GLOBALS, "utf8"));
  const root = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? "";
  return new Map(
    [...root.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]),
  );
}

const tokens = rootTokens();

/** A token (`var(--ink)` or `--ink`) or a literal colour, as an opaque colour. */
function colour(value: string, below: Rgba = parseColor("#fff")): Rgba {
  const name = /^(?:var\()?(--[\w-]+)\)?$/.exec(value.trim())?.[1];
  const text = name ? tokens.get(name) : value;
  if (text === undefined) throw new Error(`no token ${value} in globals.css`);
  const parsed = parseColor(text);
  return parsed.a < 1 ? over(parsed, below) : parsed;
}

type Kind = "text" | "large" | "ui";
const MINIMUM: Record<Kind, number> = { text: 4.5, large: 3, ui: 3 };

/** [foreground, background, kind, where it is used]. A translucent background is laid on `under`. */
const PAIRS: [string, string, Kind, string][] = [
  // Body text and muted text on the page, cards, inputs and grey badges.
  ["var(--ink)", "var(--bg)", "text", "page text"],
  ["var(--ink)", "var(--card)", "text", "card text, cash chip count, admin entry"],
  ["var(--ink)", "#fff", "text", "input text"],
  ["var(--muted)", "var(--bg)", "text", "hints on the page, admin panel boxes, report figures"],
  ["var(--muted)", "var(--card)", "text", "hints in cards, table headings"],
  ["var(--muted)", "#eceff0", "text", "badge tone-closed"],
  ["var(--muted)", "var(--brand-soft)", "text", "hints in an expanded table row button"],
  ["var(--ink)", "var(--brand-soft)", "text", "an expanded table row button"],
  // Links and brand text.
  ["var(--brand)", "var(--bg)", "text", "links on the page"],
  ["var(--brand)", "var(--card)", "text", "links and link buttons in cards"],
  ["var(--brand-strong)", "var(--brand-soft)", "text", "badges, ledger kind chips, note chips"],
  ["var(--brand-strong)", "var(--card)", "text", "agent instruction"],
  ["var(--brand-strong)", "var(--ok-soft)", "text", "agent pay-out instruction in an ok alert"],
  // White on filled surfaces.
  ["#fff", "var(--brand)", "text", "top bar, primary buttons, pressed segments"],
  ["#fff", "var(--brand-strong)", "text", "primary button hover"],
  ["#fff", "var(--danger)", "text", "danger buttons"],
  ["#fff", "var(--ink)", "text", "offline banner"],
  // Alerts and badges by tone, and the same colours on plain surfaces.
  ["var(--danger)", "var(--danger-soft)", "text", "error alerts, problem badges"],
  ["var(--danger)", "var(--card)", "text", "field errors"],
  ["var(--danger)", "var(--bg)", "text", "money out in report figures"],
  ["var(--warn)", "var(--warn-soft)", "text", "warning alerts, connection banner, action badges"],
  ["var(--warn)", "var(--card)", "text", "suspension reason"],
  ["var(--warn)", "#fff8e1", "text", "coin face (lightest end of its gradient)"],
  ["var(--ok)", "var(--ok-soft)", "text", "ok alerts, done badges"],
  ["var(--ok)", "var(--card)", "text", "money in, in cards"],
  ["var(--ok)", "var(--bg)", "text", "money in, in report figures"],
  // The agent's camera strip and the card holder's PIN pad (dark surfaces).
  ["#fff", "rgba(0, 0, 0, 0.55)", "text", "camera caption over a white frame (worst case)"],
  ["#d8e4e2", "#24312f", "text", "camera note, camera off"],
  ["#d8e4e2", "#000", "text", "camera note over the video's black"],
  ["#cfe3df", "#16211f", "text", "PIN pad detail and cancel"],
  ["#fff", "#16211f", "text", "PIN pad dots"],
  ["#fff", "#2c3d3a", "text", "PIN pad keys"],
  ["#fff", "#177a68", "text", "PIN pad OK key"],
  // The printable card.
  ["#111", "#fff", "text", "QR card text"],
  ["#444", "#fff", "text", "QR card note"],
  // Boundaries a person needs to find a control (WCAG 1.4.11).
  ["var(--field-line)", "#fff", "ui", "input, select and button borders inside"],
  ["var(--field-line)", "var(--card)", "ui", "input borders on a card"],
  ["var(--field-line)", "var(--bg)", "ui", "input borders on the page"],
  ["var(--focus)", "var(--card)", "ui", "focus ring on a card"],
  ["var(--focus)", "var(--bg)", "ui", "focus ring on the page"],
  ["var(--focus)", "var(--brand-soft)", "ui", "focus ring on an expanded row button"],
  ["var(--focus-on-dark)", "var(--brand)", "ui", "focus ring in the top bar"],
  ["var(--focus-on-dark)", "#16211f", "ui", "focus ring on the PIN pad"],
  ["var(--brand)", "var(--card)", "ui", "primary button shape"],
  ["var(--danger)", "var(--card)", "ui", "danger button shape"],
];

describe("colour tokens meet WCAG AA", () => {
  it.each(PAIRS)("%s on %s (%s: %s)", (fg, bg, kind) => {
    const background = colour(bg);
    const ratio = contrastRatio(colour(fg, background), background);
    expect(ratio, `${fg} on ${bg}`).toBeGreaterThanOrEqual(MINIMUM[kind]);
  });

  it("every text colour a stylesheet sets is in a checked pair", () => {
    const checked = new Set(PAIRS.filter(([, , kind]) => kind !== "ui").map(([fg]) => norm(fg)));
    const unchecked: string[] = [];
    for (const file of cssFiles(SRC)) {
      const css = withoutComments(readFileSync(file, "utf8"));
      // `color:` alone, not border-color or background-color.
      for (const m of css.matchAll(/(?<![\w-])color\s*:\s*([^;}]+)/g)) {
        const value = norm(m[1]!);
        if (["inherit", "currentcolor", "transparent"].includes(value)) continue;
        if (!checked.has(value)) unchecked.push(`${path.relative(SRC, file)}: ${value}`);
      }
    }
    expect(unchecked).toEqual([]);
  });

  it("the formula matches WCAG's reference values", () => {
    expect(contrastRatio(parseColor("#000"), parseColor("#fff"))).toBeCloseTo(21, 5);
    expect(contrastRatio(parseColor("#fff"), parseColor("#fff"))).toBeCloseTo(1, 5);
    // #767676 on white is the well-known lightest grey that passes 4.5:1.
    expect(contrastRatio(parseColor("#767676"), parseColor("#fff"))).toBeCloseTo(4.54, 2);
    expect(colour("rgba(0, 0, 0, 0.5)")).toEqual({ r: 128, g: 128, b: 128, a: 1 });
  });
});

/** One spelling per colour: `#FFF`, `#ffffff` and `var(--x)` against `var( --x )`. */
function norm(value: string): string {
  const v = value.trim().toLowerCase().replace(/\s+/g, "");
  if (/^#[0-9a-f]{3}$/.test(v)) return `#${[...v.slice(1)].map((c) => c + c).join("")}`;
  return v;
}
