/**
 * Before tesseract reads it, a small screenshot is enlarged: text under ~12 px high (a chat header's member line
 * on a 360 px wide picture) is lost by tesseract's layout analysis, and enlarged 3x it reads (measured by
 * `npm run eval:ocr`). sharp (libvips) decodes the picture (PNG, or the JPEG Telegram and phones make of a
 * photo), enlarges it bilinearly and turns it to grey, on libuv's thread pool, so the bot's event loop does not
 * wait. Measured on JPEG photos at quality 60 (`npm run eval:ocr`, the ten tuning screens): the former
 * enlargement (resvg drawing the JPEG into an SVG, in colour) read the avatar beside the header's name as
 * letters ("(3 Sahabat Herman Deru OKU") in 5 of 10 small (360 px) screenshots; sharper filters in grey
 * (Lanczos, Mitchell, bicubic) fixed those but did the same ("ce Posko ...") in 5 of 10 Telegram photos of a
 * 1080 px screenshot (576 px wide); bilinear in grey read all 20 exactly, and bilinear in colour 17. The
 * picture's size is read from its header first, which also refuses images too large to read in bounded memory.
 */
import { readFileSync } from 'node:fs';
import sharp from 'sharp';

/** Narrower than this (pixels), a picture is enlarged before reading. */
export const ENLARGE_BELOW_WIDTH = 700;
/** Larger than this (pixels, width x height), a picture is not read at all. */
export const MAX_PIXELS = 40_000_000;

/** Width and height from a PNG's IHDR or a JPEG's SOF marker; undefined for other formats or broken headers. */
export function imageSize(b: Buffer): { width: number; height: number } | undefined {
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47 && b.toString('latin1', 12, 16) === 'IHDR') return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return undefined;
      const marker = b[i + 1]!;
      const len = b.readUInt16BE(i + 2);
      // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
      i += 2 + len;
    }
  }
  return undefined;
}

/** The factor a picture of this width is enlarged by (1: read as it is). */
export const enlargeFactor = (width: number): number => (width >= ENLARGE_BELOW_WIDTH ? 1 : Math.min(3, Math.ceil(1000 / Math.max(1, width))));

/**
 * The picture to hand to tesseract: the same file, or PNG bytes of it enlarged (grey). Rejects a picture over
 * MAX_PIXELS (before or after enlarging) so one image cannot take the machine's memory.
 */
export async function prepareImage(path: string): Promise<{ path: string } | { png: Buffer; factor: number }> {
  const data = readFileSync(path);
  const size = imageSize(data);
  if (!size) return { path };
  if (size.width * size.height > MAX_PIXELS) throw new Error(`image too large to read (${size.width}x${size.height} pixels)`);
  const factor = enlargeFactor(size.width);
  if (factor === 1) return { path };
  const png = await sharp(data, { limitInputPixels: MAX_PIXELS, failOn: 'none' })
    .flatten({ background: '#ffffff' })
    .resize(size.width * factor, size.height * factor, { kernel: 'linear', fit: 'fill' })
    .grayscale()
    .toColourspace('b-w') // one grey channel in the PNG (tesseract turns colour to grey itself; this is a third of the bytes)
    .png({ compressionLevel: 1 })
    .toBuffer();
  return { png, factor };
}
