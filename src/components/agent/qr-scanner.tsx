"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import styles from "./agent.module.css";

type QrDecoder = typeof import("@/lib/qr-decode");

/**
 * The decoder (ZXing's QR parts, ~30 kB gzip) loads when the camera opens, not with the
 * counter screen: an agent who types codes never downloads it. Asked for in parallel with
 * the camera, it is usually there before the first picture.
 */
let decoder: Promise<QrDecoder> | undefined;
function loadDecoder(): Promise<QrDecoder> {
  decoder ??= import("@/lib/qr-decode").catch((error: unknown) => {
    decoder = undefined; // a lost connection: the next attempt asks again
    throw error;
  });
  return decoder;
}

type CameraState =
  | { kind: "off" }
  | { kind: "starting" }
  | { kind: "scanning" }
  | { kind: "unavailable"; problem: CameraProblem };

/** What went wrong with the camera: the screen says it in its language (agent.scanner). */
type CameraProblem = "decoderFailed" | "denied" | "notFound" | "busy" | "failed" | "noHttps";

/** Turns a getUserMedia refusal into words a shopkeeper can act on. */
export function cameraProblemOf(error: unknown): CameraProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : "";
  switch (name) {
    case "NotAllowedError":
    case "PermissionDeniedError":
    case "SecurityError":
      return "denied";
    case "NotFoundError":
    case "DevicesNotFoundError":
    case "OverconstrainedError":
      return "notFound";
    case "NotReadableError":
    case "TrackStartError":
    case "AbortError":
      return "busy";
    default:
      return "failed";
  }
}

/** How long the camera may take to show its first picture before we say it did not start. */
const START_TIMEOUT_MS = 15_000;
/** Pause between decode attempts: one attempt on a 640x480 frame costs a few ms of CPU. */
const SCAN_INTERVAL_MS = 200;
/**
 * Frames are read at most this wide or tall: a QR held up to the camera fills much of the
 * picture, and a full 1080p frame would cost ten times the CPU for nothing.
 */
const MAX_FRAME_SIDE = 800;

interface Props {
  disabled: boolean;
  /** Called once per scan with the decoded text; the camera is already off by then. */
  onScan: (text: string) => void;
  /** "Scan again" after a failed attempt reads better than the first-time label. */
  label?: string;
}

/** Everything one camera session holds, so that stopping it releases all of it. */
interface Session {
  stream: MediaStream;
  timer?: ReturnType<typeof setTimeout>;
}

function release(video: HTMLVideoElement | null, session: Session | null): void {
  if (!session) return;
  clearTimeout(session.timer);
  for (const track of session.stream.getTracks()) track.stop();
  if (video && video.srcObject === session.stream) video.srcObject = null;
}

/** video.play(), but a camera that never produces a picture is an error, not a spinner forever. */
async function playWithin(video: HTMLVideoElement, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DOMException("camera start timed out", "AbortError")), ms);
  });
  try {
    await Promise.race([video.play(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The camera reader. The camera starts only when the agent presses the button, so the
 * permission prompt appears when they expect it, and stops as soon as one code is read:
 * a still-running camera would read the same QR again and again.
 *
 * The capture and the decode loop are ours rather than @zxing/browser's
 * decodeFromVideoDevice: that helper reads every frame upright with the stock QR reader,
 * which never reads about 3 in 100 of our codes held still (see decodeQrFrame), sizes its
 * canvas once before the first frame, and its play-on-load wait can hang without settling.
 * Here each frame is read at its current size in the next orientation, and a camera that
 * does not start within START_TIMEOUT_MS is reported so the agent can retry or type the code.
 */
export function QrScanner({ disabled, onScan, label: givenLabel }: Props) {
  const t = useTranslations("agent.scanner");
  const scanLabel = useTranslations("agent.counter")("scan");
  const label = givenLabel ?? scanLabel;
  const videoRef = useRef<HTMLVideoElement>(null);
  const sessionRef = useRef<Session | null>(null);
  // Each start gets a number; a start that was overtaken (stop pressed, screen left) while
  // the camera was still opening must shut its camera as soon as it arrives.
  const attemptRef = useRef(0);
  const onScanRef = useRef(onScan);
  const [camera, setCamera] = useState<CameraState>({ kind: "off" });

  useEffect(() => {
    onScanRef.current = onScan;
  }, [onScan]);

  const end = useCallback(() => {
    attemptRef.current++;
    release(videoRef.current, sessionRef.current);
    sessionRef.current = null;
  }, []);

  const stop = useCallback(() => {
    end();
    setCamera({ kind: "off" });
  }, [end]);

  useEffect(() => end, [end]);

  // Also while the camera is still starting (the permission prompt may be open): a start
  // overtaken by stop() closes its camera as soon as it arrives.
  useEffect(() => {
    if (disabled && (camera.kind === "starting" || camera.kind === "scanning")) stop();
  }, [disabled, camera.kind, stop]);

  function scanFrames(
    video: HTMLVideoElement,
    session: Session,
    attempt: number,
    qr: QrDecoder,
  ): void {
    const canvas = document.createElement("canvas");
    const context = canvas.getContext("2d", { willReadFrequently: true });
    if (!context) throw new Error("2D canvas unavailable");
    let frame = 0;
    const tick = () => {
      if (attempt !== attemptRef.current) return;
      if (video.readyState >= video.HAVE_CURRENT_DATA && video.videoWidth > 0) {
        // The frame size can change after start (cameras renegotiate): follow it.
        const scale = Math.min(1, MAX_FRAME_SIDE / Math.max(video.videoWidth, video.videoHeight));
        const width = Math.round(video.videoWidth * scale);
        const height = Math.round(video.videoHeight * scale);
        if (canvas.width !== width || canvas.height !== height) {
          canvas.width = width;
          canvas.height = height;
        }
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        const grey = qr.canvasLuminance(context, canvas.width, canvas.height);
        const orientation = qr.orientationForFrame(frame++);
        const text = qr.decodeQrFrame(grey, canvas.width, canvas.height, orientation);
        if (text !== null) {
          end();
          setCamera({ kind: "off" });
          onScanRef.current(text);
          return;
        }
      }
      session.timer = setTimeout(tick, SCAN_INTERVAL_MS);
    };
    tick();
  }

  async function start() {
    const video = videoRef.current;
    if (!video) return;
    if (!navigator.mediaDevices?.getUserMedia) {
      // Browsers hide the camera API entirely on plain http (other than localhost).
      setCamera({
        kind: "unavailable",
        problem: "noHttps",
      });
      return;
    }
    end();
    const attempt = attemptRef.current;
    setCamera({ kind: "starting" });
    const decoderReady = loadDecoder();
    decoderReady.catch(() => {}); // handled where it is awaited
    try {
      // The back camera on a tablet; browsers fall back to any camera when there is none.
      const stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: "environment" },
        audio: false,
      });
      if (attempt !== attemptRef.current) {
        for (const track of stream.getTracks()) track.stop();
        return;
      }
      const session: Session = { stream };
      sessionRef.current = session;
      video.srcObject = stream;
      await playWithin(video, START_TIMEOUT_MS);
      if (attempt !== attemptRef.current) return;
      // A camera unplugged or taken by another app ends its track: say so, do not freeze.
      for (const track of stream.getVideoTracks()) {
        track.addEventListener("ended", () => {
          if (attempt !== attemptRef.current) return;
          end();
          setCamera({
            kind: "unavailable",
            problem: "busy",
          });
        });
      }
      let qr: QrDecoder;
      try {
        qr = await decoderReady;
      } catch {
        if (attempt !== attemptRef.current) return;
        end();
        setCamera({ kind: "unavailable", problem: "decoderFailed" });
        return;
      }
      if (attempt !== attemptRef.current) return;
      setCamera({ kind: "scanning" });
      scanFrames(video, session, attempt, qr);
    } catch (error) {
      if (attempt !== attemptRef.current) return;
      end();
      setCamera({ kind: "unavailable", problem: cameraProblemOf(error) });
    }
  }

  const active = camera.kind === "starting" || camera.kind === "scanning";
  return (
    <div className="stack">
      <div
        className={`video-frame ${styles.frame} ${active ? "" : styles.frameOff}`}
        data-testid="scanner"
      >
        <video ref={videoRef} muted playsInline aria-label={t("cameraView")} />
        {camera.kind === "scanning" ? (
          <>
            <div className={styles.aim} aria-hidden />
            <p className={styles.frameCaption} role="status">
              {t("holdInside")}
            </p>
          </>
        ) : (
          <div className={styles.frameNote}>
            {camera.kind === "starting" ? (
              <span className="row">
                <span className="spinner" aria-hidden /> {t("starting")}
              </span>
            ) : (
              <span>{disabled ? t("cameraOff") : t("pressToOpen", { label: scanLabel })}</span>
            )}
          </div>
        )}
      </div>
      {camera.kind === "unavailable" ? (
        <p className="alert warn" role="alert" data-testid="camera-problem">
          {t(camera.problem)}
        </p>
      ) : null}
      {active ? (
        <Button onClick={stop}>{t("stop")}</Button>
      ) : (
        <Button variant="primary" size="big" disabled={disabled} onClick={() => void start()}>
          {label}
        </Button>
      )}
    </div>
  );
}
