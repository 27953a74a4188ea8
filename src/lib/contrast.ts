/**
 * WCAG 2.x contrast, as the standard defines it (relative luminance of sRGB, then
 * (L1 + 0.05) / (L2 + 0.05)). Used by the colour-token test (contrast.test.ts); small enough
 * to keep here rather than pull in a colour library.
 */

export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** 0..1 */
  a: number;
}

/** #rgb, #rrggbb, rgb(r, g, b) or rgba(r, g, b, a); anything else throws. */
export function parseColor(text: string): Rgba {
  const value = text.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(value);
  if (short) {
    const [r, g, b] = short.slice(1).map((h) => Number.parseInt(h + h, 16));
    return { r: r!, g: g!, b: b!, a: 1 };
  }
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(value);
  if (long) {
    const [r, g, b] = long.slice(1).map((h) => Number.parseInt(h, 16));
    return { r: r!, g: g!, b: b!, a: 1 };
  }
  const fn = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(value);
  if (fn) {
    return { r: Number(fn[1]), g: Number(fn[2]), b: Number(fn[3]), a: Number(fn[4] ?? 1) };
  }
  throw new Error(`not a colour this check reads: ${text}`);
}

/** A translucent colour as seen over an opaque one. */
export function over(top: Rgba, below: Rgba): Rgba {
  const mix = (t: number, b: number) => Math.round(t * top.a + b * (1 - top.a));
  return { r: mix(top.r, below.r), g: mix(top.g, below.g), b: mix(top.b, below.b), a: 1 };
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance({ r, g, b }: Rgba): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The contrast ratio of two opaque colours, 1..21. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
