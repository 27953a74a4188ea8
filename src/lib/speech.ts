/** What pickVoice needs of a SpeechSynthesisVoice (so it can be tested without a browser). */
export interface VoiceLike {
  lang: string;
  localService: boolean;
  default: boolean;
}

function parts(tag: string): { language: string; region: string | null } {
  // Android reports "en_US"; BCP 47 says "en-US". Case differs between engines too.
  const [language = "", region] = tag.replace(/_/g, "-").toLowerCase().split("-");
  return { language, region: region ?? null };
}

/**
 * The voice to read a text in `language` (BCP 47) with, or null when the browser has none
 * for that language: then the caller says so on screen rather than letting the engine read
 * the text with whatever voice it has, in the wrong language. A voice of the same language
 * and region wins, then one of the same language; among equals, one on the device (it works
 * offline and starts at once), then the browser's default.
 */
export function pickVoice<V extends VoiceLike>(voices: readonly V[], language: string): V | null {
  const want = parts(language);
  const rank = (v: V): number => {
    const have = parts(v.lang);
    if (have.language !== want.language) return -1;
    return (
      (want.region !== null && have.region === want.region ? 4 : 0) +
      (v.localService ? 2 : 0) +
      (v.default ? 1 : 0)
    );
  };
  let best: V | null = null;
  let bestRank = -1;
  for (const v of voices) {
    const r = rank(v);
    if (r > bestRank) {
      best = v;
      bestRank = r;
    }
  }
  return best;
}
