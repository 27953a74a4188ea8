import { describe, expect, it } from "vitest";
import { text } from "./text";

describe("text()", () => {
  const name = text("The name", 5, 2);

  it("counts characters as PostgreSQL does (code points), after trimming", () => {
    expect(name.safeParse("ab").success).toBe(true);
    expect(name.safeParse("a").success).toBe(false);
    expect(name.safeParse("𝓪").success).toBe(false); // one character, two UTF-16 units
    expect(name.safeParse("𝓪𝓪𝓪𝓪𝓪").success).toBe(true); // five characters, ten units
    expect(name.safeParse("abcdef").success).toBe(false);
    expect(name.parse("  ab  ")).toBe("ab");
  });

  it.each([
    ["NUL", "a\u0000b"],
    ["a lone high surrogate", "a\uD800b"],
    ["a lone low surrogate", "\uDC00ab"],
    ["right-to-left override", "ab\u202Ecd"],
    ["left-to-right embedding", "\u202Aab"],
    ["first strong isolate", "\u2068ab\u2069"],
    ["zero width space", "a\u200Bb"],
    ["right-to-left mark", "ab\u200F"],
    ["word joiner", "a\u2060b"],
    ["byte order mark inside", "a\uFEFFb"],
    ["soft hyphen", "a\u00ADb"],
    ["line separator", "a\u2028b"],
    ["newline", "a\nb"],
    ["Hangul filler", "a\u3164b"],
  ])("refuses %s", (_what, value) => {
    const result = name.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/The name/);
  });

  it("keeps letters of every script and emoji", () => {
    for (const ok of ["Njeri", "Ünal", "محمد", "王小明", "🙂 ok", "Kĩama"]) {
      expect(text("The name", 80).safeParse(ok).success, ok).toBe(true);
    }
  });
});
