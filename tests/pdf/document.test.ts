/**
 * The shared PDF writer (src/pdf/document.ts), read back with pdftotext
 * (Debian's poppler-utils, installed by .ci/run): what a name or title holds
 * comes out as text, emoji and scripts the fonts lack never throw.
 */
import { describe, expect, it } from 'vitest';
import { fontRuns, PdfWriter } from '../../src/pdf/document.js';
import { pdfText } from '../support/pdf.js';

describe('PdfWriter', () => {
  it('writes headings, fields, bullets and monospaced hashes that read back as text', async () => {
    const pdf = await new PdfWriter({ title: 'Tanda Terima Laporan', lang: 'id' })
      .heading('Pelapor')
      .field('Nama', 'Siti Rahmawati')
      .field('NIP', '198703152010012003')
      .bullets(['Ditambahkan ke grup', 'Ditandai di unggahan'])
      .mono('a'.repeat(64))
      .paragraph('Jaga Netral')
      .end();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const s of ['Tanda Terima Laporan', 'Pelapor', 'Siti Rahmawati', '198703152010012003', 'Ditandai di unggahan', 'a'.repeat(64)]) expect(text).toContain(s);
    expect(text).toMatch(/1\s*\/\s*1/);
  });

  it('prints accents, Cyrillic and Arabic in DejaVu, emoji in the emoji font, and code points for what no font has', async () => {
    const title = 'Relawan 🇮🇩 Menang 🔥 Ñoño Ёлка مرحبا 中 a\u200Bb';
    const runs = fontRuns(title);
    expect(runs.some((r) => /noto-emoji/.test(r.font))).toBe(true);
    expect(runs.map((r) => r.text).join('')).toContain('[U+4E2D]');
    expect(runs.map((r) => r.text).join('')).not.toContain('\u200B');
    const pdf = await new PdfWriter({ title, lang: 'id' }).paragraph(title).end();
    const text = pdfText(pdf);
    expect(text).toContain('Ñoño');
    expect(text).toContain('Ёлка');
    expect(text).toContain('U+4E2D');
    expect(text).toContain('ab');
  });

  it('never throws on hostile text: control characters, lone surrogates, very long words, many pages', async () => {
    const hostile = `\u0000\u0007x\uD800y\u202Ez${'W'.repeat(3000)}`;
    const w = new PdfWriter({ title: hostile, lang: 'en' });
    for (let i = 0; i < 200; i++) w.paragraph(`${i} ${hostile.slice(0, 50)}`);
    const pdf = await w.end();
    const text = pdfText(pdf);
    expect(Number(/\b1\s*\/\s*(\d+)/.exec(text)![1])).toBeGreaterThan(1);
  });
});
