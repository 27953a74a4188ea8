import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { DomainError, money } from "@/domain/errors";
import { LOCALES } from "./locales";
import { CATALOGUES } from "./messages";
import { type ErrorKey, renderError, renderInputMessage } from "./translate";

const ROOT = path.join(import.meta.dirname, "../..");

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* sources(full);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) yield full;
  }
}

function messageOf(locale: (typeof LOCALES)[number], key: string): string | undefined {
  let node: unknown = CATALOGUES[locale].errors;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.tag) argumentsOf(el.children, into);
    else if (el.type !== TYPE.literal && el.type !== TYPE.pound) into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

/** The text of a call's arguments: from after `(` to its matching `)`. */
function callArguments(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if ("([{".includes(text[i]!)) depth++;
    else if (")]}".includes(text[i]!) && --depth === 0) return text.slice(open + 1, i);
  }
  throw new Error("unbalanced call");
}

/** The property names of the first top-level object literal in a call's arguments. */
function paramNames(args: string): string[] | null {
  const start = args.indexOf("{");
  if (start < 0) return null;
  const body = callArguments(args, start);
  const names: string[] = [];
  let depth = 0;
  let atKey = true;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    else if (depth === 0 && c === ",") atKey = true;
    else if (depth === 0 && atKey && /[A-Za-z_]/.test(c)) {
      const name = /^[A-Za-z_]\w*/.exec(body.slice(i))![0];
      names.push(name);
      i += name.length - 1;
      atKey = false;
    }
  }
  return names;
}

interface Use {
  where: string;
  keys: string[];
  params: string[] | null;
}

/** Every `new DomainError(...)` in the sources, with the keys and parameter names it names. */
function domainErrorUses(): Use[] {
  const uses: Use[] = [];
  for (const dir of ["src/domain", "src/server"]) {
    for (const file of sources(path.join(ROOT, dir))) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/new DomainError\(/g)) {
        const args = callArguments(text, match.index + match[0].length - 1);
        const literals = [...args.matchAll(/"([^"\\]*)"/g)].map((m) => m[1]!);
        // A string that is no English key is a condition's operand ("cancel") or a value.
        const keys = literals.filter((s) => messageOf("en", s) !== undefined);
        const line = text.slice(0, match.index).split("\n").length;
        uses.push({
          where: `${path.relative(ROOT, file)}:${line}`,
          keys,
          params: paramNames(args),
        });
      }
    }
  }
  return uses;
}

describe("refusal keys in the code", () => {
  const uses = domainErrorUses();

  it("finds the refusals (the scan works)", () => {
    expect(uses.length).toBeGreaterThan(80);
    expect(uses.filter((u) => u.keys.length > 0).length).toBeGreaterThan(80);
  });

  it("names only messages every language has", () => {
    const missing = uses.flatMap((u) =>
      u.keys.flatMap((key) =>
        LOCALES.filter((l) => messageOf(l, key) === undefined).map((l) => `${u.where} ${l} ${key}`),
      ),
    );
    expect(missing).toEqual([]);
  });

  it("gives each message exactly the arguments it takes (in every language)", () => {
    const wrong: string[] = [];
    for (const use of uses) {
      const given = new Set(use.params ?? []);
      const takenByAny = new Set<string>();
      for (const key of use.keys) {
        for (const locale of LOCALES) {
          const args = argumentsOf(parse(messageOf(locale, key) ?? ""));
          for (const a of args) {
            takenByAny.add(a);
            if (!given.has(a)) wrong.push(`${use.where} ${locale} ${key}: {${a}} not given`);
          }
        }
      }
      // A parameter no message of the call uses is a leftover (a ternary's keys share one set).
      for (const g of given) {
        if (use.keys.length > 0 && !takenByAny.has(g)) wrong.push(`${use.where}: ${g} unused`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("uses only catalogue keys in rate limits, API refusals and input checks", () => {
    const bad: string[] = [];
    for (const dir of ["src/domain", "src/server", "scripts"]) {
      const root = path.join(ROOT, dir);
      for (const file of sources(root)) {
        const text = readFileSync(file, "utf8");
        for (const m of text.matchAll(/"((?:tooMany|access|input|sms)\.[A-Za-z]+)"/g)) {
          for (const l of LOCALES) if (!messageOf(l, m[1]!)) bad.push(`${file} ${l} ${m[1]}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});

describe("renderError", () => {
  it("keeps English exactly as it was written before translation", () => {
    const e = new DomainError("INSUFFICIENT_BALANCE", "cashOutShort", {
      available: money(150_000n, "KES"),
      needed: money(500_000n, "KES"),
    });
    expect(e.message).toBe(
      "You have KES 1,500.00 available; this cash-out needs KES 5,000.00 including the fee",
    );
    expect(renderError("en", "codeWrongTriesLeft", { left: 1 })).toBe(
      "That code is not right. 1 try left",
    );
    expect(renderError("en", "tooMany.pins", { minutes: 12 })).toBe(
      "Too many wrong PINs. Try again in 12 minutes",
    );
  });

  it("formats money for the language, with the currency's own exponent", () => {
    const e = new DomainError("LIMIT_EXCEEDED", "smallestAmount", {
      amount: money(500_000n, "KES"),
    });
    // fr-FR groups with a narrow no-break space and puts the code after the amount.
    expect(e.messageIn("fr").replace(/[\u00a0\u202f]/g, " ")).toBe(
      "Le montant minimum est de 5 000,00 KES",
    );
    expect(renderError("sw", "maxBalance", { amount: money(12_345n, "UGX") })).toContain("12,345");
    expect(renderError("zh", "maxBalance", { amount: money(12_345n, "UGX") })).toContain("12,345");
  });

  it("falls back to English for an unknown language", () => {
    expect(renderError("xx", "access.signIn")).toBe("Please sign in");
    expect(renderError(undefined, "access.signIn")).toBe("Please sign in");
  });

  it("renders input-check keys and leaves other text alone", () => {
    expect(renderInputMessage("errors.input.pin", "sw")).toBe("PIN ni tarakimu 4 hadi 6");
    expect(renderInputMessage("errors.input.pin")).toBe("The PIN is 4 to 6 digits");
    expect(renderInputMessage("Too small: expected string to have >=1 characters", "fr")).toBe(
      "Too small: expected string to have >=1 characters",
    );
  });

  it("keeps every SMS within one GSM-7 segment (or English's length), and zh within two UCS-2", () => {
    const params = {
      code: "123456",
      amount: money(1_000_000n, "KES"),
      shop: "Mama Njeri Shop",
      reference: "PP-7K2Q9X",
    };
    const keys: ErrorKey[] = [
      "sms.signUpCode",
      "sms.accountExists",
      "sms.cardCashOut",
      "sms.cardCashIn",
    ];
    for (const key of keys) {
      // GSM-7 languages: one 160-character segment, or no longer than English where the
      // English text (unchanged) already takes two.
      const budget = Math.max(160, renderError("en", key, params).length);
      for (const locale of ["sw", "fr"] as const) {
        const text = renderError(locale, key, params);
        expect(text.length, `${locale} ${key}`).toBeLessThanOrEqual(budget);
      }
      // zh goes as UCS-2 (70 characters a segment): at most two segments.
      expect(renderError("zh", key, params).length, `zh ${key}`).toBeLessThanOrEqual(134);
    }
  });
});
