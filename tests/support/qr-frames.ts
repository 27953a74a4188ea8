import { QRCodeSVG } from "qrcode.react";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ORDER_QR } from "../../src/components/customer/order-qr";
import { decodeQrFrame, orientationForFrame } from "../../src/lib/qr-decode";

// The QR codes the customer page draws, as the agent's camera would see them: shared by the
// decoder's unit test and its benchmark (bench/qr-reader.bench.ts).

export const FRAME = { width: 640, height: 480 };

/**
 * The modules of the QR the customer's page draws for `token` (true = dark); `drawing` is
 * the personal card's (CARD_QR) for a card secret.
 */
export function drawnModules(
  token: string,
  drawing: { size: number; marginSize: number; level: "L" | "M" | "Q" | "H" } = ORDER_QR,
): boolean[][] {
  const svg = renderToStaticMarkup(createElement(QRCodeSVG, { value: token, ...drawing }));
  const size = Number(/viewBox="0 0 (\d+)/.exec(svg)?.[1]);
  const dark = [...svg.matchAll(/<path[^>]*d="([^"]+)"/g)][1]?.[1] ?? "";
  const modules = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  // qrcode.react draws each run of dark modules in a row as "M{x} {y}h{length}v1H{x}z".
  for (const run of dark.matchAll(/M(\d+)[ ,](\d+) ?h(\d+)v1H\d+z/g)) {
    const [x, y, length] = [Number(run[1]), Number(run[2]), Number(run[3])];
    for (let i = 0; i < length; i++) modules[y]![x + i] = true;
  }
  return modules;
}

/** A 640x480 grey camera frame showing the code upright, `scale` pixels per module. */
export function cameraFrame(modules: boolean[][], scale: number): Uint8ClampedArray {
  const { width, height } = FRAME;
  const side = modules.length * scale;
  const [left, top] = [(width - side) >> 1, (height - side) >> 1];
  const frame = new Uint8ClampedArray(width * height).fill(255);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      if (modules[Math.floor(y / scale)]![Math.floor(x / scale)]) {
        frame[(top + y) * width + left + x] = 0;
      }
    }
  }
  return frame;
}

/** What the scanner does with a still picture: frame after frame, until one reads. */
export function framesUntilRead(frame: Uint8ClampedArray, token: string): number | null {
  for (let n = 0; n < 8; n++) {
    const text = decodeQrFrame(frame, 640, 480, orientationForFrame(n));
    if (text !== null) return text === token ? n + 1 : null;
  }
  return null;
}
