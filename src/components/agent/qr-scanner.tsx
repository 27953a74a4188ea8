"use client";

import { BrowserQRCodeReader, type IScannerControls } from "@zxing/browser";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import styles from "./agent.module.css";

type CameraState =
  | { kind: "off" }
  | { kind: "starting" }
  | { kind: "scanning" }
  | { kind: "unavailable"; message: string };

const TYPE_INSTEAD = "Type the customer's code in the box below instead.";

/** Turns a getUserMedia refusal into words a shopkeeper can act on. */
export function explainCameraError(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : "";
  switch (name) {
    case "NotAllowedError":
    case "PermissionDeniedError":
    case "SecurityError":
      return `Camera permission was denied. Allow the camera for this app in the browser's site settings to scan. ${TYPE_INSTEAD}`;
    case "NotFoundError":
    case "DevicesNotFoundError":
    case "OverconstrainedError":
      return `No camera was found on this device. ${TYPE_INSTEAD}`;
    case "NotReadableError":
    case "TrackStartError":
    case "AbortError":
      return `The camera is busy or not working. Close other apps that use it and try again. ${TYPE_INSTEAD}`;
    default:
      return `The camera could not start. ${TYPE_INSTEAD}`;
  }
}

interface Props {
  disabled: boolean;
  /** Called once per scan with the decoded text; the camera is already off by then. */
  onScan: (text: string) => void;
  /** "Scan again" after a failed attempt reads better than the first-time label. */
  label?: string;
}

/**
 * The camera reader. The camera starts only when the agent presses the button, so the
 * permission prompt appears when they expect it, and stops as soon as one code is read:
 * a still-running camera would read the same QR again and again.
 */
export function QrScanner({ disabled, onScan, label = "Scan QR code" }: Props) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const controlsRef = useRef<IScannerControls | null>(null);
  // Each start gets a number; a start that was overtaken (stop pressed, screen left) while
  // the camera was still opening must shut its camera as soon as it arrives.
  const attemptRef = useRef(0);
  const onScanRef = useRef(onScan);
  const [camera, setCamera] = useState<CameraState>({ kind: "off" });

  useEffect(() => {
    onScanRef.current = onScan;
  }, [onScan]);

  const stop = useCallback(() => {
    attemptRef.current++;
    controlsRef.current?.stop();
    controlsRef.current = null;
    setCamera({ kind: "off" });
  }, []);

  useEffect(
    () => () => {
      attemptRef.current++;
      controlsRef.current?.stop();
      controlsRef.current = null;
    },
    [],
  );

  useEffect(() => {
    if (disabled && controlsRef.current) stop();
  }, [disabled, stop]);

  async function start() {
    const video = videoRef.current;
    if (!video) return;
    if (!navigator.mediaDevices?.getUserMedia) {
      // Browsers hide the camera API entirely on plain http (other than localhost).
      setCamera({
        kind: "unavailable",
        message: `This browser cannot use a camera here (the app must be opened over https). ${TYPE_INSTEAD}`,
      });
      return;
    }
    const attempt = ++attemptRef.current;
    let done = false;
    setCamera({ kind: "starting" });
    try {
      const reader = new BrowserQRCodeReader();
      const controls = await reader.decodeFromVideoDevice(undefined, video, (result, _e, ctl) => {
        // The reader keeps calling back (with errors while nothing is in view, and possibly
        // again with the same code before stop takes effect): act on the first text only.
        if (!result || done || attempt !== attemptRef.current) return;
        done = true;
        ctl.stop();
        controlsRef.current = null;
        attemptRef.current++;
        setCamera({ kind: "off" });
        onScanRef.current(result.getText());
      });
      if (done || attempt !== attemptRef.current) {
        controls.stop();
        return;
      }
      controlsRef.current = controls;
      setCamera({ kind: "scanning" });
    } catch (error) {
      if (attempt !== attemptRef.current) return;
      setCamera({ kind: "unavailable", message: explainCameraError(error) });
    }
  }

  const active = camera.kind === "starting" || camera.kind === "scanning";
  return (
    <div className="stack">
      <div
        className={`video-frame ${styles.frame} ${active ? "" : styles.frameOff}`}
        data-testid="scanner"
      >
        <video ref={videoRef} muted playsInline aria-label="Camera view" />
        {camera.kind === "scanning" ? (
          <>
            <div className={styles.aim} aria-hidden />
            <p className={styles.frameCaption} role="status">
              Hold the customer&apos;s QR code inside the square
            </p>
          </>
        ) : (
          <div className={styles.frameNote}>
            {camera.kind === "starting" ? (
              <span className="row">
                <span className="spinner" aria-hidden /> Starting the camera…
              </span>
            ) : (
              <span>{disabled ? "Camera is off" : "Press “Scan QR code” to open the camera"}</span>
            )}
          </div>
        )}
      </div>
      {camera.kind === "unavailable" ? (
        <p className="alert warn" role="alert" data-testid="camera-problem">
          {camera.message}
        </p>
      ) : null}
      {active ? (
        <Button onClick={stop}>Stop camera</Button>
      ) : (
        <Button variant="primary" size="big" disabled={disabled} onClick={() => void start()}>
          {label}
        </Button>
      )}
    </div>
  );
}
