import { readFileSync } from "node:fs";
import path from "node:path";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { NAMED_CODES } from "@/components/ui/labels";
import { LOCALES } from "./locales";
import { CATALOGUES } from "./messages";

/** "a.b.c" -> message, for every message of a catalogue. */
function flatten(tree: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(at, value);
    else for (const [k, v] of flatten(value, at)) out.set(k, v);
  }
  return out;
}

/** The arguments a message takes ({amount}, {count, plural, ...}), by name. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.tag) {
      argumentsOf(el.children, into);
      continue;
    }
    into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

const english = flatten(CATALOGUES.en);

describe("message catalogues", () => {
  it.each(LOCALES.filter((l) => l !== "en"))("%s has every English key and no other", (locale) => {
    const keys = [...flatten(CATALOGUES[locale]).keys()].sort();
    expect(keys).toEqual([...english.keys()].sort());
  });

  it.each(LOCALES)("%s: every message is valid ICU with English's arguments", (locale) => {
    for (const [key, message] of flatten(CATALOGUES[locale])) {
      expect(message.trim(), `${locale} ${key} is empty`).not.toBe("");
      const ast = parse(message);
      const englishArgs = argumentsOf(parse(english.get(key) ?? ""));
      expect([...argumentsOf(ast)].sort(), `${locale} ${key}`).toEqual([...englishArgs].sort());
    }
  });

  it("names every code a screen shows", () => {
    const codes = CATALOGUES.en.common.codes as Record<string, Record<string, string>>;
    for (const [group, list] of Object.entries(NAMED_CODES)) {
      for (const code of list) expect(codes[group], `${group}.${code}`).toHaveProperty(code);
    }
  });

  it.each(Object.keys(CATALOGUES.en))("lists for native review only keys that exist: %s", (ns) => {
    const review = JSON.parse(
      readFileSync(path.join(import.meta.dirname, `../../messages/review/${ns}.json`), "utf8"),
    ) as Record<string, unknown>;
    for (const locale of LOCALES.filter((l) => l !== "en")) {
      const keys = review[locale];
      expect(Array.isArray(keys), locale).toBe(true);
      for (const key of keys as string[]) {
        expect(key.startsWith(`${ns}.`) && english.has(key), `${locale}: ${key}`).toBe(true);
      }
    }
  });
});
