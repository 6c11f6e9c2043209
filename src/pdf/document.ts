/**
 * One way to write the PDFs a person hands on (the self-report receipt, the
 * Bawaslu dossier): pdfkit with DejaVu Sans, which covers Latin with every
 * accent, Greek, Cyrillic, Arabic and most symbols, and Noto Emoji for the
 * emoji people put in names and group titles. A character neither font has
 * (CJK, rarer scripts) is printed as its code point, `[U+4E2D]`, so nothing
 * is silently lost and nothing throws. Invisible format characters (joiners,
 * variation selectors, bidi controls) are dropped: they print nothing and
 * would only fall back to a code point.
 */
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);

/** Where a font file comes from: the npm packages that ship them, so a fresh install has them. */
function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

interface FontSet {
  regular: string;
  bold: string;
  mono: string;
  /** Noto Emoji is split by Unicode range into several files; each is opened once. */
  emoji: { path: string; font: fontkit.Font }[];
  /** The primary fonts' coverage, to decide per character which font draws it. */
  regularFont: fontkit.Font;
  monoFont: fontkit.Font;
}

let fonts: FontSet | undefined;

/** Opens the fonts once per process (about 20 ms); the receipt and the dossier share them. */
function loadFonts(): FontSet {
  if (fonts) return fonts;
  const dejavu = join(packageDir('dejavu-fonts-ttf'), 'ttf');
  const emojiDir = join(packageDir('@fontsource/noto-emoji'), 'files');
  const emoji = readdirSync(emojiDir)
    .filter((f) => /-400-normal\.woff$/.test(f))
    .sort()
    .map((f) => ({ path: join(emojiDir, f), font: fontkit.openSync(join(emojiDir, f)) as fontkit.Font }));
  const regular = join(dejavu, 'DejaVuSans.ttf');
  const mono = join(dejavu, 'DejaVuSansMono.ttf');
  fonts = {
    regular,
    bold: join(dejavu, 'DejaVuSans-Bold.ttf'),
    mono,
    emoji,
    regularFont: fontkit.openSync(regular) as fontkit.Font,
    monoFont: fontkit.openSync(mono) as fontkit.Font,
  };
  return fonts;
}

/** Zero-width characters that draw nothing: joiners, variation selectors, bidi and other format controls. */
const INVISIBLE = /[\p{Cf}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]/u;
/** Control characters other than the line break. */
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/u;

/** `text` as well-formed Unicode (a lone surrogate becomes U+FFFD), NFC: pdfkit's file id hashing throws on lone surrogates. */
function plainPdfText(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD').normalize('NFC');
}

/** Metadata strings (title, subject) without controls or invisible characters, one line. */
function plainMeta(text: string): string {
  return [...plainPdfText(text)].filter((ch) => !INVISIBLE.test(ch)).map((ch) => (CONTROL.test(ch) || ch === '\n' ? ' ' : ch)).join('');
}

/** A piece of text drawn in one font. */
export interface Run {
  font: string;
  text: string;
}

/**
 * Splits `text` into runs each drawn by a font that has its glyphs: the
 * primary font where it can, an emoji font where that has the character,
 * else the code point written out in the primary font.
 */
export function fontRuns(text: string, primary: 'regular' | 'bold' | 'mono' = 'regular'): Run[] {
  const f = loadFonts();
  const primaryPath = f[primary];
  const primaryFont = primary === 'mono' ? f.monoFont : f.regularFont;
  const runs: Run[] = [];
  const push = (font: string, s: string) => {
    const last = runs[runs.length - 1];
    if (last && last.font === font) last.text += s;
    else runs.push({ font, text: s });
  };
  for (const ch of plainPdfText(text)) {
    if (ch === '\n') {
      push(primaryPath, ch);
      continue;
    }
    if (INVISIBLE.test(ch)) continue;
    if (CONTROL.test(ch)) {
      push(primaryPath, ' ');
      continue;
    }
    const cp = ch.codePointAt(0)!;
    if (primaryFont.hasGlyphForCodePoint(cp)) {
      push(primaryPath, ch);
      continue;
    }
    const emoji = f.emoji.find((e) => e.font.hasGlyphForCodePoint(cp));
    if (emoji) push(emoji.path, ch);
    else push(primaryPath, `[U+${cp.toString(16).toUpperCase().padStart(4, '0')}]`);
  }
  return runs;
}

/** What the document says about itself (shown by PDF readers; the title also heads page one). */
export interface PdfMeta {
  title: string;
  subject?: string;
  author?: string;
  /** BCP 47 language of the text, e.g. `id` or `en`. */
  lang: string;
  /** The moment the document speaks for (stored as its creation date), so the same input gives the same text. */
  createdAt?: Date;
}

const MARGIN = 56;

/**
 * A simple flowing document: title, headings, paragraphs, label/value
 * fields, bullet lists and monospaced lines (hashes, ids), A4, page breaks
 * and page numbers handled by pdfkit. Every string goes through fontRuns.
 */
export class PdfWriter {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(meta: PdfMeta) {
    loadFonts();
    this.doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      bufferPages: true,
      lang: meta.lang,
      displayTitle: true,
      info: {
        Title: plainMeta(meta.title),
        ...(meta.subject ? { Subject: plainMeta(meta.subject) } : {}),
        ...(meta.author ? { Author: plainMeta(meta.author) } : {}),
        Creator: 'Jaga Netral',
        ...(meta.createdAt ? { CreationDate: meta.createdAt } : {}),
      },
    });
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => this.chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.write(meta.title, { size: 16, weight: 'bold' });
    this.doc.moveDown(0.6);
  }

  /** Writes one string as runs of fonts; `continued` keeps the next write on the same line. */
  private write(text: string, o: { size: number; weight?: 'regular' | 'bold' | 'mono'; continued?: boolean; indent?: number; color?: string }): void {
    const runs = fontRuns(text, o.weight ?? 'regular');
    if (runs.length === 0) runs.push({ font: loadFonts()[o.weight ?? 'regular'], text: '' });
    this.doc.fontSize(o.size).fillColor(o.color ?? '#111111');
    runs.forEach((r, i) => {
      const last = i === runs.length - 1;
      this.doc.font(r.font).text(r.text, {
        continued: last ? (o.continued ?? false) : true,
        ...(o.indent !== undefined && i === 0 ? { indent: o.indent } : {}),
        lineGap: 2,
      });
    });
  }

  /** A section heading. */
  heading(text: string): this {
    this.doc.moveDown(0.5);
    this.write(text, { size: 12.5, weight: 'bold' });
    this.doc.moveDown(0.2);
    return this;
  }

  /** A paragraph of running text. */
  paragraph(text: string): this {
    this.write(text, { size: 10 });
    this.doc.moveDown(0.3);
    return this;
  }

  /** A small grey note (footers, explanations). */
  note(text: string): this {
    this.write(text, { size: 8.5, color: '#555555' });
    this.doc.moveDown(0.3);
    return this;
  }

  /** `Label: value` on one line (wrapping as needed), the label in bold. */
  field(label: string, value: string): this {
    this.write(`${label}: `, { size: 10, weight: 'bold', continued: true });
    this.write(value, { size: 10 });
    return this;
  }

  /** Monospaced text for what must be copied exactly: hashes, codes, ids. */
  mono(text: string): this {
    this.write(text, { size: 8.5, weight: 'mono' });
    return this;
  }

  /** A bulleted list. */
  bullets(items: readonly string[]): this {
    for (const item of items) this.write(`•  ${item}`, { size: 10, indent: 0 });
    this.doc.moveDown(0.3);
    return this;
  }

  /** Vertical space, in lines. */
  space(lines = 1): this {
    this.doc.moveDown(lines);
    return this;
  }

  /** Finishes the document (page numbers on every page) and returns its bytes. */
  end(pageLabel: (page: number, pages: number) => string = (p, n) => `${p} / ${n}`): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc
        .font(loadFonts().regular)
        .fontSize(8)
        .fillColor('#777777')
        .text(pageLabel(i + 1, range.count), MARGIN, this.doc.page.height - MARGIN / 2 - 8, { width: this.doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false });
      this.doc.page.margins.bottom = bottom;
    }
    this.doc.end();
    return this.done;
  }
}
