import { randomUUID } from "node:crypto";
import fc from "fast-check";
import type { z } from "zod";
import { appRouter } from "../../src/server/api/root";

// Malformed inputs for every procedure, shared by the in-process fuzz test and the HTTP
// fuzzer against a production server (tests/stress/http-fuzz.ts). The procedure's own zod
// schema is walked, so every field gets values at its bounds (min-1, min, max, max+1 of its
// length, value or date) and the values that broke PostgreSQL before (year 0 dates, NUL and
// lone surrogates in JSON); fields the router accepts as opaque JSON (the settings document)
// are walked through the valid base input instead.

/** Strings no field may turn into a server error. */
export const NASTY_STRINGS: string[] = [
  "",
  " ",
  "\t\n",
  "a",
  "ab",
  "abc",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uDFFF",
  "a\uD83Db",
  "\uDE00a",
  "\u202Egnp.exe\u202C",
  "\u2066x\u2069",
  "\u200B",
  "x\u200Fy",
  "\uFEFFx",
  "\u00AD",
  "\u0085",
  "\u2028",
  "\uFFFF",
  "🙂",
  "𝓪𝓪",
  "x".repeat(10_000),
  "1; DROP TABLE orders; --",
  "%00",
  "\\u0000",
  "__proto__",
];

/** JavaScript's and PostgreSQL's date limits, and the epoch's neighbours. */
export const BOUNDARY_DATES: Date[] = [
  yearStart(0),
  yearStart(-1),
  new Date(-8.64e15), // -271821-04-20, the earliest Date
  new Date(8.64e15), // +275760-09-13, the latest Date
  yearStart(1),
  new Date(Date.UTC(1969, 11, 31, 23, 59, 59, 999)),
  new Date(0),
  new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999)),
  yearStart(10_000),
  yearStart(294_277), // past PostgreSQL's timestamptz
  new Date(Number.NaN),
];

function yearStart(year: number): Date {
  const d = new Date(0);
  d.setUTCFullYear(year, 0, 1);
  return d;
}

export const BOUNDARY_NUMBERS: number[] = [
  0,
  -0,
  -1,
  1,
  0.5,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 - 1,
  2 ** 53,
  -(2 ** 53),
  2 ** 63,
  -(2 ** 63),
  1e308,
  -1e308,
  5e-324,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

export const BOUNDARY_BIGINTS: bigint[] = [
  0n,
  -1n,
  1n,
  2n ** 31n,
  2n ** 53n,
  2n ** 62n,
  2n ** 62n + 1n,
  2n ** 63n - 1n,
  2n ** 63n,
  -(2n ** 63n),
  -(2n ** 63n) - 1n,
  2n ** 64n,
];

/** Values of the wrong type, tried on every field. */
const WRONG_TYPES: unknown[] = [null, true, 42, "text", [], [1, 2], {}, { $ne: null }, 1n];

type Schema = z.ZodType;

interface Def {
  type: string;
  innerType?: Schema;
  in?: Schema;
  shape?: Record<string, Schema>;
  options?: Schema[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  valueType?: Schema;
}

function def(schema: Schema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The schema under optional/default/nullable/pipe wrappers. */
function unwrap(schema: Schema): Schema {
  let s = schema;
  for (;;) {
    const d = def(s);
    if (d.innerType) s = d.innerType;
    else if (d.type === "pipe" && d.in) s = d.in;
    else return s;
  }
}

/** The bounds a schema declares. */
function bounds(schema: Schema): { min?: number; max?: number; minDate?: Date; maxDate?: Date } {
  const s = schema as unknown as {
    minLength?: number | null;
    maxLength?: number | null;
    minValue?: number | bigint | null;
    maxValue?: number | bigint | null;
    minDate?: Date | null;
    maxDate?: Date | null;
  };
  const finite = (v: unknown) =>
    typeof v === "bigint" ? Number(v) : Number.isFinite(v) ? (v as number) : undefined;
  return {
    min: finite(s.minLength) ?? finite(s.minValue),
    max: finite(s.maxLength) ?? finite(s.maxValue),
    minDate: s.minDate ?? undefined,
    maxDate: s.maxDate ?? undefined,
  };
}

/** A plausible valid value of a schema, for optional parts the base input leaves out. */
export function sample(schema: Schema): unknown {
  const s = unwrap(schema);
  const d = def(s);
  switch (d.type) {
    case "object":
      return Object.fromEntries(Object.entries(d.shape!).map(([k, v]) => [k, sample(v)]));
    case "date":
      return new Date();
    case "string":
      if ((s as { format?: string | null }).format === "uuid") return randomUUID();
      return "a".repeat(Math.max(1, bounds(s).min ?? 1));
    case "number":
      return Math.max(1, bounds(s).min ?? 1);
    case "bigint":
      return 1n;
    case "boolean":
      return true;
    case "enum":
      return Object.values(d.entries!)[0];
    case "literal":
      return d.values![0];
    case "union":
      return sample(d.options![0]!);
    default:
      return undefined;
  }
}

function lengths(min: number | undefined, max: number | undefined): number[] {
  const out = new Set<number>();
  for (const n of [min, max]) {
    if (n === undefined) continue;
    for (const l of [n - 1, n, n + 1]) if (l >= 0 && l <= 20_000) out.add(l);
  }
  return [...out];
}

/** Values for one field: its type's boundary set, its own bounds, and near misses of base. */
function valuesFor(schema: Schema | undefined, base: unknown, randomCount: number): unknown[] {
  const s = schema ? unwrap(schema) : undefined;
  const type = s ? def(s).type : undefined;
  const kind =
    type && type !== "unknown" && type !== "any"
      ? type
      : base instanceof Date
        ? "date"
        : typeof base;
  const b = s ? bounds(s) : {};
  const out: unknown[] = [...WRONG_TYPES];
  switch (kind) {
    case "string": {
      out.push(...NASTY_STRINGS);
      for (const l of lengths(b.min, b.max)) out.push("a".repeat(l), "𝓪".repeat(l));
      if (typeof base === "string" && base.length > 0) {
        out.push(
          `${base}\u0000`,
          `\uD800${base}`,
          `${base}\u202E`,
          `\u200B${base}`,
          ` ${base} `,
          base.slice(0, -1),
          `${base}0`,
          base.toLowerCase(),
        );
      }
      break;
    }
    case "number": {
      out.push(...BOUNDARY_NUMBERS);
      for (const n of [b.min, b.max]) if (n !== undefined) out.push(n - 1, n, n + 1, n + 0.5);
      if (typeof base === "number") out.push(base + 1, base - 1, -base);
      break;
    }
    case "bigint": {
      out.push(...BOUNDARY_BIGINTS);
      for (const n of [b.min, b.max]) {
        if (n === undefined) continue;
        const big = BigInt(Math.trunc(n));
        out.push(big - 1n, big, big + 1n);
      }
      break;
    }
    case "date": {
      out.push(...BOUNDARY_DATES);
      for (const d of [b.minDate, b.maxDate]) {
        if (d) out.push(new Date(d.getTime() - 1), d, new Date(d.getTime() + 1));
      }
      break;
    }
    case "enum":
    case "literal": {
      const options = type === "enum" ? Object.values(def(s!).entries!) : def(s!).values!;
      for (const o of options) {
        out.push(o, typeof o === "string" ? o.toLowerCase() : o, `${String(o)}\u0000`);
      }
      out.push("");
      break;
    }
    case "boolean":
      out.push(true, false, "true", 0);
      break;
  }
  for (const value of fc.sample(fc.anything({ withBigInt: true, withDate: true }), randomCount)) {
    out.push(value);
  }
  return out;
}

type Setter = (value: unknown) => unknown;

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}

/** Walks the schema (and, below opaque JSON, the base value) and mutates one leaf at a time. */
function* walk(
  schema: Schema | undefined,
  base: unknown,
  set: Setter,
  randomCount: number,
): Generator<unknown> {
  const s = schema ? unwrap(schema) : undefined;
  const d = s ? def(s) : undefined;
  if (d?.type === "object") {
    const record = isRecord(base) ? base : {};
    yield set({ ...record, unexpected: 1 });
    yield set({ ...record, ["x".repeat(300)]: "y" });
    yield set(Object.assign(JSON.parse('{"__proto__": {"admin": true}}'), record));
    for (const [k, field] of Object.entries(d.shape!)) {
      const { [k]: _dropped, ...without } = record;
      yield set(without);
      const fieldBase = k in record ? record[k] : sample(field);
      yield* walk(field, fieldBase, (v) => set({ ...record, [k]: v }), randomCount);
    }
    return;
  }
  if (d?.type === "union") {
    // Each alternative is walked from its own valid value: the base, when it is that shape.
    for (const option of d.options!) {
      const inner = unwrap(option);
      const keys = def(inner).type === "object" ? Object.keys(def(inner).shape!) : [];
      const fits = isRecord(base) && Object.keys(base).every((k) => keys.includes(k));
      yield* walk(option, fits ? base : sample(option), set, randomCount);
    }
    return;
  }
  if ((!d || d.type === "record" || d.type === "unknown") && isRecord(base)) {
    const valueType = d?.type === "record" ? d.valueType : undefined;
    yield set({ ...base, unexpected: 1 });
    for (const [k, v] of Object.entries(base)) {
      const { [k]: _dropped, ...without } = base;
      yield set(without);
      const inner = valueType && def(unwrap(valueType)).type !== "unknown" ? valueType : undefined;
      yield* walk(inner, v, (value) => set({ ...base, [k]: value }), randomCount);
    }
    return;
  }
  for (const value of valuesFor(s, base, randomCount)) yield set(value);
}

export function inputSchema(path: string): Schema | undefined {
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { inputs: Schema[] } }
  >;
  return procedures[path]?._def.inputs[0];
}

/** Every malformed variant of a procedure's valid input `base`. */
export function variants(path: string, base: unknown, randomCount = 6): unknown[] {
  const out: unknown[] = [undefined, null, 42, "text", [], {}, "x".repeat(10_000)];
  for (const v of walk(inputSchema(path), base, (v) => v, randomCount)) out.push(v);
  return out;
}

/** A short form of an input for failure messages. */
export function shown(input: unknown): string {
  return (
    JSON.stringify(input, (_k, v) =>
      typeof v === "bigint"
        ? `${v}n`
        : typeof v === "string" && v.length > 40
          ? `${v.slice(0, 20)}…(${v.length})`
          : v,
    ) ?? "undefined"
  ).slice(0, 300);
}
