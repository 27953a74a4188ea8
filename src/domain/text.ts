import { z } from "zod";

/**
 * Characters that have no place in a name or a sentence shown to someone else:
 * control characters (PostgreSQL refuses NUL in text and in jsonb), lone surrogates (not
 * well-formed UTF-16: jsonb refuses them and a text column silently gets U+FFFD), format
 * characters (bidirectional overrides and isolates U+202A..U+202E and U+2066..U+2069, zero
 * widths U+200B..U+200F, U+2060, U+FEFF, soft hyphen, tags) that make a shop name read
 * differently from what is stored — a phishing tool — line and paragraph separators, and the
 * Hangul fillers and combining grapheme joiner that render as nothing.
 */
const UNSHOWABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0]|\u034F/u;

/**
 * Free text people type and others read (names, reasons, notes): trimmed, min..max
 * characters, and only characters that show as what they are. zod (4.6) counts a string's
 * length in code points, as PostgreSQL's length() in the CHECK constraints does; text.test.ts
 * pins that.
 */
export function text(label: string, max: number, min = 1) {
  return z
    .string()
    .trim()
    .min(
      min,
      min === 1 ? `${label} is missing` : `${label} is too short (at least ${min} characters)`,
    )
    .max(max, `${label} is too long (at most ${max} characters)`)
    .refine(
      (s) => !UNSHOWABLE.test(s),
      `${label} may not contain control, invisible or direction-changing characters`,
    );
}
