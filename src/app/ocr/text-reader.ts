/**
 * The narrow port behind screenshot reading (issue 18): one image file in, its text and a confidence out.
 * The self-report path knows only this; app/ocr/tesseract.ts is the engine behind it.
 */

/** What an engine read from one image. */
export interface ReadText {
  /** Lines as the engine found them; paragraphs separated by a blank line. */
  text: string;
  /** Mean word confidence, 0..1 (0 when nothing was read). */
  confidence: number;
}

/** Reads the text of one image file. Rejects on failure (not an image, too slow, too big, engine missing). */
export interface TextReader {
  /** The engine and its languages, stored with each result ("tesseract 5.3.0 ind+eng"). */
  readonly engine: string;
  read(path: string): Promise<ReadText>;
  /** Stops a read under way (the bot is stopping). */
  cancel(): void;
}

/** Image formats the reader is given: checked by the file's first bytes, never by its name. */
export function imageKind(head: Buffer): 'png' | 'jpeg' | 'webp' | 'gif' | 'bmp' | 'tiff' | undefined {
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (head.length >= 6 && /^GIF8[79]a$/.test(head.toString('latin1', 0, 6))) return 'gif';
  if (head.length >= 2 && head.toString('latin1', 0, 2) === 'BM') return 'bmp';
  if (head.length >= 4 && (head.toString('latin1', 0, 4) === 'II*\0' || head.toString('latin1', 0, 4) === 'MM\0*')) return 'tiff';
  return undefined;
}
