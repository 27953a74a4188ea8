// Module by module, not from "@zxing/library": its index (not marked free of side effects)
// would bring every barcode format's reader and writer, ~120 kB gzip instead of the QR parts.
// The agent's scanner loads this file with import() when the camera opens.
import BinaryBitmap from "@zxing/library/esm/core/BinaryBitmap";
import HybridBinarizer from "@zxing/library/esm/core/common/HybridBinarizer";
import DecodeHintType from "@zxing/library/esm/core/DecodeHintType";
import QRCodeDecoder from "@zxing/library/esm/core/qrcode/decoder/Decoder";
import QRCodeDetector from "@zxing/library/esm/core/qrcode/detector/Detector";
import RGBLuminanceSource from "@zxing/library/esm/core/RGBLuminanceSource";

/** How a frame is looked at: turned clockwise by `quarterTurns` x 90 degrees, maybe mirrored. */
export interface Orientation {
  quarterTurns: 0 | 1 | 2 | 3;
  mirrored: boolean;
}

/**
 * Reads a QR code from one grey-scale camera frame, looked at in the given orientation.
 *
 * Why orientations: ZXing's JavaScript port (an older ZXing) picks finder patterns by how
 * often the row scan met them, without the newer triangle and diagonal checks, so it misses
 * about 3 in 100 perfectly clear codes in any one orientation (zxing-js/library#653): a data
 * area that looks like a finder pattern wins over a real one. A code held still in front of
 * the camera would then never be read. The same picture turned or mirrored is read, so the
 * scanner changes the orientation from one frame to the next (see orientationForFrame); the
 * unit test measures that every code the phone draws is read within one cycle.
 */
const decoder = new QRCodeDecoder();
// The port checks a candidate finder pattern along its diagonal only in "pure barcode" mode;
// newer ZXing always does, and it rejects most of the data areas that pose as one. The flag
// is handed to the detector alone: QRCodeReader would take it to mean "no camera, no search".
const DIAGONAL_CHECK = new Map([[DecodeHintType.PURE_BARCODE, true]]);

export function decodeQrFrame(
  luminance: Uint8ClampedArray,
  width: number,
  height: number,
  orientation: Orientation,
): string | null {
  const [pixels, w, h] = transform(luminance, width, height, orientation);
  try {
    const source = new RGBLuminanceSource(pixels, w, h);
    const black = new BinaryBitmap(new HybridBinarizer(source)).getBlackMatrix();
    const detected = new QRCodeDetector(black).detect(DIAGONAL_CHECK);
    return decoder.decodeBitMatrix(detected.getBits()).getText();
  } catch {
    // No readable code in this frame (out of view, blurred, half-drawn): the next frame.
    return null;
  }
}

/**
 * The grey level of each pixel of what a 2D canvas shows, as ZXing's browser package computes
 * it (HTMLCanvasElementLuminanceSource): 0.299 R + 0.587 G + 0.114 B, rounded, and
 * fully transparent pixels white.
 */
export function canvasLuminance(
  context: CanvasRenderingContext2D,
  width: number,
  height: number,
): Uint8ClampedArray {
  const rgba = context.getImageData(0, 0, width, height).data;
  const grey = new Uint8ClampedArray(width * height);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j++) {
    grey[j] =
      rgba[i + 3] === 0
        ? 0xff
        : (306 * rgba[i]! + 601 * rgba[i + 1]! + 117 * rgba[i + 2]! + 0x200) >> 10;
  }
  return grey;
}

/** The eight orientations in turn: a still picture is tried in all of them within 8 frames. */
export function orientationForFrame(frame: number): Orientation {
  const n = frame % 8;
  return { quarterTurns: (n % 4) as Orientation["quarterTurns"], mirrored: n >= 4 };
}

function transform(
  pixels: Uint8ClampedArray,
  width: number,
  height: number,
  { quarterTurns, mirrored }: Orientation,
): [Uint8ClampedArray, number, number] {
  if (quarterTurns === 0 && !mirrored) return [pixels, width, height];
  const out = new Uint8ClampedArray(pixels.length);
  const w = quarterTurns % 2 === 0 ? width : height;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sx = mirrored ? width - 1 - x : x;
      // Clockwise turns take (sx, y) to (sx, y), (h-1-y, sx), (w-1-sx, h-1-y) or (y, w-1-sx).
      let target: number;
      if (quarterTurns === 0) target = y * w + sx;
      else if (quarterTurns === 1) target = sx * w + (height - 1 - y);
      else if (quarterTurns === 2) target = (height - 1 - y) * w + (width - 1 - sx);
      else target = (width - 1 - sx) * w + y;
      out[target] = pixels[y * width + x]!;
    }
  }
  return [out, w, quarterTurns % 2 === 0 ? height : width];
}
