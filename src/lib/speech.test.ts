import { describe, expect, it } from "vitest";
import { pickVoice, type VoiceLike } from "./speech";

const voice = (lang: string, extra: Partial<VoiceLike> = {}) => ({
  lang,
  localService: false,
  default: false,
  ...extra,
});

describe("pickVoice", () => {
  it("finds no voice when the browser has none for the language", () => {
    expect(pickVoice([], "en")).toBeNull();
    expect(pickVoice([voice("fr-FR", { default: true }), voice("de-DE")], "sw-KE")).toBeNull();
  });

  it("takes any region of the language when only the language was asked for", () => {
    const gb = voice("en-GB");
    expect(pickVoice([voice("fr-FR"), gb], "en")).toBe(gb);
  });

  it("prefers the asked region, then a voice on the device, then the default", () => {
    const us = voice("en-US", { default: true });
    const ke = voice("en_KE");
    const local = voice("en-GB", { localService: true });
    expect(pickVoice([us, local, ke], "en-KE")).toBe(ke);
    expect(pickVoice([us, local], "en")).toBe(local);
    expect(pickVoice([voice("en-AU"), us], "en")).toBe(us);
  });

  it("ignores case and underscores in engines' tags", () => {
    const sw = voice("SW_ke");
    expect(pickVoice([sw], "sw-KE")).toBe(sw);
  });
});
