import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { CATALOGUES } from "@/i18n/messages";
import { spokenTimeLeft as step } from "./countdown";

const t = createTranslator({
  locale: "en",
  messages: CATALOGUES.en,
  namespace: "common.ui.timeLeft",
});

/** The English words a step is spoken with (the component renders the same message). */
function spokenTimeLeft(seconds: number): string {
  const { unit, count } = step(seconds);
  return t(unit, { count });
}

describe("spokenTimeLeft", () => {
  it("speaks whole minutes, changing on the minute", () => {
    expect(spokenTimeLeft(300)).toBe("5 minutes");
    expect(spokenTimeLeft(299)).toBe("5 minutes");
    expect(spokenTimeLeft(241)).toBe("5 minutes");
    expect(spokenTimeLeft(240)).toBe("4 minutes");
    expect(spokenTimeLeft(60)).toBe("1 minute");
    expect(spokenTimeLeft(31)).toBe("1 minute");
  });

  it("then 30 and 10 seconds, then nothing left", () => {
    expect(spokenTimeLeft(30)).toBe("30 seconds");
    expect(spokenTimeLeft(11)).toBe("30 seconds");
    expect(spokenTimeLeft(10)).toBe("10 seconds");
    expect(spokenTimeLeft(1)).toBe("10 seconds");
    expect(spokenTimeLeft(0)).toBe("no time left");
    expect(spokenTimeLeft(-5)).toBe("no time left");
  });

  it("changes its words only at the steps over a whole countdown", () => {
    const changes: number[] = [];
    for (let s = 600; s >= 0; s--) {
      if (spokenTimeLeft(s) !== spokenTimeLeft(s + 1)) changes.push(s);
    }
    // 10 minutes: 9 minute marks (540 .. 60), then 30 s, 10 s and 0.
    expect(changes).toEqual([600, 540, 480, 420, 360, 300, 240, 180, 120, 60, 30, 10, 0]);
  });
});
