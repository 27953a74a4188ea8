"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { pickVoice } from "@/lib/speech";
import { Button } from "./button";

type State =
  | { kind: "idle" }
  | { kind: "waiting" }
  | { kind: "speaking" }
  /** Nothing was spoken: `why` says so, `text` is what would have been said, if any. */
  | {
      kind: "silent";
      why: "noWords" | "noSpeech" | "noVoice";
      language: string;
      text: string | null;
    };

// Chrome fills getVoices() only after its first "voiceschanged"; a browser with no voices at
// all never fires it. How long a press waits for the list before saying there is no voice.
const VOICES_WAIT_MS = 1_500;

function voicesOf(synth: SpeechSynthesis): Promise<SpeechSynthesisVoice[]> {
  const now = synth.getVoices();
  if (now.length > 0) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      synth.removeEventListener("voiceschanged", done);
      resolve(synth.getVoices());
    };
    const timer = setTimeout(done, VOICES_WAIT_MS);
    synth.addEventListener("voiceschanged", done);
  });
}

function languageName(language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: "language" }).of(language) ?? language;
  } catch {
    return language;
  }
}

/**
 * A button that reads the screen's key figures aloud in the screen's language (the page's
 * <html lang>, which the coming translation sets). `sentence` builds the words for a
 * language, or returns null when it has none. Where the browser has no voice for that
 * language, nothing is spoken (another language's voice would read the words wrongly) and
 * the screen says so, with the text it would have said.
 */
export function ReadAloud({ sentence }: { sentence: (language: string) => string | null }) {
  const t = useTranslations("common.ui.readAloud");
  const [state, setState] = useState<State>({ kind: "idle" });
  const current = useRef<SpeechSynthesisUtterance | null>(null);

  useEffect(() => {
    if (typeof window === "undefined" || !("speechSynthesis" in window)) return;
    const synth = window.speechSynthesis;
    // Asking early starts Chrome loading its voices before the first press.
    synth.getVoices();
    return () => {
      // Leaving the screen stops its reading; another screen's reading is not ours to stop.
      if (current.current && synth.speaking) synth.cancel();
    };
  }, []);

  async function read() {
    const language = document.documentElement.lang || "en";
    const name = languageName(language);
    const text = sentence(language);
    if (text === null) {
      return setState({ kind: "silent", why: "noWords", language: name, text: null });
    }
    if (!("speechSynthesis" in window)) {
      return setState({ kind: "silent", why: "noSpeech", language: name, text });
    }
    const synth = window.speechSynthesis;
    setState({ kind: "waiting" });
    const voice = pickVoice(await voicesOf(synth), language);
    if (!voice) {
      return setState({
        kind: "silent",
        why: "noVoice",
        language: name,
        text,
      });
    }
    synth.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = language;
    utterance.voice = voice;
    const finish = () => {
      if (current.current === utterance) setState({ kind: "idle" });
    };
    utterance.onend = finish;
    utterance.onerror = finish;
    current.current = utterance;
    setState({ kind: "speaking" });
    synth.speak(utterance);
  }

  function stop() {
    current.current = null;
    window.speechSynthesis.cancel();
    setState({ kind: "idle" });
  }

  const speaking = state.kind === "speaking";
  return (
    <div className="read-aloud">
      <Button
        variant="ghost"
        busy={state.kind === "waiting"}
        onClick={speaking ? stop : () => void read()}
        data-testid="read-aloud"
      >
        {/* Drawn, not an emoji: phones and kiosks without an emoji font show a box instead. */}
        <svg
          aria-hidden
          width="20"
          height="20"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
          {speaking ? (
            <path d="M17 9l4 6M21 9l-4 6" />
          ) : (
            <path d="M16.5 8.5a5 5 0 0 1 0 7M19 6a8.5 8.5 0 0 1 0 12" />
          )}
        </svg>
        {speaking ? t("stop") : t("read")}
      </Button>
      {state.kind === "silent" ? (
        <p className="alert warn small" role="status" data-testid="read-aloud-notice">
          {t(state.why, { language: state.language })}
          {state.text ? (
            <>
              {" "}
              {t.rich("wouldSay", {
                text: state.text,
                q: (chunks) => <q data-testid="read-aloud-text">{chunks}</q>,
              })}
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
