// How well the agent's scanner reads the codes the customer page draws: ZXing's stock
// QRCodeReader against our decodeQrFrame (diagonal check, eight orientations), on random
// order tokens drawn at 4-10 px per module in a 640x480 frame. Prints figures; asserts
// nothing (the unit test src/lib/qr-decode.test.ts is the pass/fail check).
//
//   npm run bench:qr          (CODES=3000 by default)
import { randomBytes } from "node:crypto";
import { BinaryBitmap, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from "@zxing/library";
import { decodeQrFrame, orientationForFrame } from "../src/lib/qr-decode";
import { cameraFrame, drawnModules, FRAME, framesUntilRead } from "../tests/support/qr-frames";

const CODES = Number(process.env.CODES ?? 3_000);

function stockReads(frame: Uint8ClampedArray, token: string): boolean {
  try {
    const source = new RGBLuminanceSource(frame, FRAME.width, FRAME.height);
    const text = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    return text === token;
  } catch {
    return false;
  }
}

let stockMissed = 0;
let oursMissedUpright = 0;
let oursNeverRead = 0;
let frames = 0;
let decodeMs = 0;
for (let i = 0; i < CODES; i++) {
  const token = `PP1${randomBytes(17).toString("base64url").slice(0, 22)}`;
  const frame = cameraFrame(drawnModules(token), 4 + (i % 7));
  if (!stockReads(frame, token)) stockMissed++;
  const t0 = performance.now();
  if (decodeQrFrame(frame, FRAME.width, FRAME.height, orientationForFrame(0)) !== token) {
    oursMissedUpright++;
  }
  decodeMs += performance.now() - t0;
  const needed = framesUntilRead(frame, token);
  if (needed === null) oursNeverRead++;
  else frames += needed;
}

const pct = (n: number) => `${n} (${((100 * n) / CODES).toFixed(2)}%)`;
console.log(`codes drawn: ${CODES}, 4-10 px per module, ${FRAME.width}x${FRAME.height} frames`);
console.log(`stock QRCodeReader, upright frame: missed ${pct(stockMissed)}`);
console.log(`decodeQrFrame, upright frame:      missed ${pct(oursMissedUpright)}`);
console.log(`decodeQrFrame, within 8 frames:    missed ${pct(oursNeverRead)}`);
console.log(`frames until read (mean):          ${(frames / (CODES - oursNeverRead)).toFixed(2)}`);
console.log(`one upright decode (mean):         ${(decodeMs / CODES).toFixed(2)} ms`);
