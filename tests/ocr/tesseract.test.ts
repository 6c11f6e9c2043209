/**
 * The OCR engine behind the TextReader port (src/app/ocr/tesseract.ts): Debian's tesseract, run as a child
 * process on a screenshot made here (src/bench/ocr-screens.ts), read back with its group name; and the bounds
 * that keep the bot safe from it: a read that takes too long is killed, the child's address space is capped,
 * a missing binary or language turns OCR off with a reason, and `doctor` says so without failing.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enlargeFactor, imageSize, prepareImage } from '../../src/app/ocr/enlarge.js';
import { openTextReader } from '../../src/app/ocr/screenshots.js';
import { parseTesseractTsv, probeTesseract, TesseractReader } from '../../src/app/ocr/tesseract.js';
import { imageKind } from '../../src/app/ocr/text-reader.js';
import { renderChatScreen } from '../../src/bench/ocr-screens.js';
import { groupNameFromScreen } from '../../src/core/screen-text.js';
import { compressPhoto } from '../../src/platforms/sim/phone-photo.js';
import { runBin } from '../support/spawn.js';

const dir = mkdtempSync(join(tmpdir(), 'jn-ocr-'));

/** A stand-in `tesseract` (a shell script): answers --version and --list-langs like the real one, then runs `body` for a read. */
function fakeTesseract(name: string, body: string, langs = 'eng\nind\nosd'): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\ncase "$1" in\n--version) echo "tesseract 5.3.0"; exit 0;;\n--list-langs) printf 'List of available languages in "/x/" (3):\\n${langs.replace(/\n/g, '\\n')}\\n'; exit 0;;\nesac\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('tesseract (Debian tesseract-ocr, offline)', () => {
  it('reads a WhatsApp-like screenshot: the group name in its header, the post, and a confidence', { timeout: 60_000 }, async () => {
    const probe = await probeTesseract('tesseract');
    expect(probe).toMatchObject({ ok: true });
    expect(probe.ok && probe.languages).toEqual(expect.arrayContaining(['ind', 'eng']));
    const png = renderChatScreen({ style: 'whatsapp', groupName: 'Relawan Maju Bersama', members: 57, bubbles: [{ text: 'Budi menambahkan Anda' }, { from: 'Rina', text: 'Ayo coblos nomor 2 di Pilgub Sumsel' }] });
    expect(imageKind(png)).toBe('png');
    const path = join(dir, 'wa.png');
    writeFileSync(path, png);
    const { reader } = await openTextReader('tesseract');
    const r = await reader!.read(path);
    expect(reader!.engine).toMatch(/^tesseract 5[\d.]* ind\+eng$/);
    expect(groupNameFromScreen(r.text)).toBe('Relawan Maju Bersama');
    expect(r.text).toMatch(/coblos nomor 2/);
    expect(r.confidence).toBeGreaterThan(0.5);
    expect(r.confidence).toBeLessThanOrEqual(1);
  });

  it('a read that takes too long is killed at the time limit and rejects', { timeout: 30_000 }, async () => {
    const slow = fakeTesseract('slow-tesseract', 'exec sleep 30');
    const reader = new TesseractReader({ bin: slow, timeoutMs: 300 });
    await expect(reader.read(join(dir, 'wa.png'))).rejects.toThrow(/took over 300 ms and was stopped/);
  });

  it('the child runs with its address space capped (ulimit -v) and on one thread (OMP_THREAD_LIMIT=1)', { timeout: 30_000 }, async () => {
    const tell = fakeTesseract('tell-tesseract', 'echo "limit=$(ulimit -v) threads=$OMP_THREAD_LIMIT" >&2; exit 3');
    const reader = new TesseractReader({ bin: tell, memoryMb: 256 });
    await expect(reader.read(join(dir, 'wa.png'))).rejects.toThrow(/exit 3\): limit=262144 threads=1/);
  });

  it('a missing binary or missing Indonesian data turns OCR off with the reason', async () => {
    expect((await openTextReader(join(dir, 'no-such-tesseract'))).state).toEqual({ on: false, why: 'missing', detail: expect.stringMatching(/no-such-tesseract/) });
    const engOnly = fakeTesseract('eng-only', 'exit 1', 'eng\nosd');
    expect((await openTextReader(engOnly)).state).toEqual({ on: false, why: 'missing', detail: `${engOnly}: no language data for ind` });
    expect((await openTextReader('off')).state).toEqual({ on: false, why: 'disabled', detail: 'OCR_TESSERACT=off' });
  });

  it('joins TSV words into lines and paragraphs; a word tesseract doubts (an icon read as "Pa") is left out of the text but counts in the mean confidence', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '1\t1\t0\t0\t0\t0\t0\t0\t720\t562\t-1\t',
      '5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t20\tPa',
      '5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t90\tRelawan',
      '5\t1\t1\t1\t1\t2\t0\t0\t1\t1\t80\tMaju',
      '5\t1\t2\t1\t1\t1\t0\t0\t1\t1\t70\t57',
      '5\t1\t2\t1\t1\t2\t0\t0\t1\t1\t60\tanggota',
      '5\t1\t2\t1\t2\t1\t0\t0\t1\t1\t-1\t',
    ].join('\n');
    expect(parseTesseractTsv(tsv)).toEqual({ text: 'Relawan Maju\n\n57 anggota', confidence: 0.64 });
    expect(parseTesseractTsv('')).toEqual({ text: '', confidence: 0 });
  });

  it('a line\'s doubted short first words (the back arrow and avatar before a header\'s name, read from a JPEG as "2." and "Ch") are left out; a number is kept', () => {
    const row = (line: number, word: number, conf: number, text: string) => `5\t1\t1\t1\t${line}\t${word}\t0\t0\t1\t1\t${conf}\t${text}`;
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      row(1, 1, 65, '2.'), row(1, 2, 66, 'Ch'), row(1, 3, 95, 'Relawan'), row(1, 4, 96, 'Maju'),
      row(2, 1, 70, '57'), row(2, 2, 96, 'anggota'),
      row(3, 1, 90, 'Di'), row(3, 2, 92, 'posko'), row(3, 3, 60, 'ya'),
    ].join('\n');
    expect(parseTesseractTsv(tsv).text).toBe('Relawan Maju\n57 anggota\nDi posko ya');
  });

  it('doctor: a line for OCR, on with the engine, or off with how to install, and neither fails the check', { timeout: 60_000 }, async () => {
    const base = { LANGUAGE: 'en', DATABASE_PATH: join(dir, 'none.db') };
    const on = await runBin(['doctor'], { cwd: dir, env: { ...base } });
    expect(on.stdout).toMatch(/✓ Screenshot OCR +on \(tesseract 5[\d.]* ind\+eng, offline\)/);
    const off = await runBin(['doctor'], { cwd: dir, env: { ...base, OCR_TESSERACT: join(dir, 'no-such-tesseract') } });
    expect(off.stdout).toMatch(/- Screenshot OCR +off: .*no-such-tesseract: not found; report images are kept unread\. Install: apt-get install tesseract-ocr tesseract-ocr-ind/);
    // The same problems either way (no database, no Humas admin): a missing OCR engine adds none.
    expect(off.stderr).toBe(on.stderr);
    expect(off.code).toBe(on.code);
    const id = await runBin(['doctor'], { cwd: dir, env: { ...base, LANGUAGE: 'id', OCR_TESSERACT: 'off' } });
    expect(id.stdout).toMatch(/- OCR tangkapan layar +mati \(OCR_TESSERACT=off\)/);
  });
});

describe('small and huge pictures (src/app/ocr/enlarge.ts)', () => {
  it('reads the size from a PNG IHDR or a JPEG SOF marker', () => {
    const png = renderChatScreen({ style: 'telegram', groupName: 'X', members: 1, bubbles: [], width: 360 });
    expect(imageSize(png)).toEqual({ width: 360, height: 240 });
    // SOI, an APP0 segment, then SOF0: precision 8, height 1600, width 720.
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x06, 0x40, 0x02, 0xd0, 0x03, 0, 0, 0, 0, 0, 0]);
    expect(imageSize(jpeg)).toEqual({ width: 720, height: 1600 });
    expect(imageSize(Buffer.from('GIF89a'))).toBeUndefined();
    expect([enlargeFactor(1080), enlargeFactor(720), enlargeFactor(500), enlargeFactor(360)]).toEqual([1, 1, 2, 3]);
  });

  it('a 360 px wide screenshot is read enlarged: the header\'s small member line, and so the group name, are found', { timeout: 60_000 }, async () => {
    const path = join(dir, 'small.png');
    writeFileSync(path, renderChatScreen({ style: 'telegram', groupName: 'Laskar Matahati Sumsel', members: 845, bubbles: [{ from: 'Admin', text: 'Salam 3 jari!' }], width: 360 }));
    const prepared = await prepareImage(path);
    expect('png' in prepared && prepared.factor).toBe(3);
    expect('png' in prepared && imageSize(prepared.png)).toEqual({ width: 1080, height: 720 });
    const { reader } = await openTextReader('tesseract');
    const r = await reader!.read(path);
    expect(r.text).toMatch(/845 anggota/);
    expect(groupNameFromScreen(r.text)).toBe('Laskar Matahati Sumsel');
  });

  it('a small screenshot as a poor JPEG (360x800, quality 60) is enlarged bilinearly in grey, and the header reads without the avatar', { timeout: 60_000 }, async () => {
    // Before: resvg drew the JPEG enlarged in colour, and tesseract read the avatar beside the name as "(3".
    const path = join(dir, 'small-q60.jpg');
    const png = renderChatScreen({ style: 'telegram', phone: true, width: 360, groupName: 'Sahabat Herman Deru OKU', members: 1204, bubbles: [{ from: 'Korcam Baturaja', text: 'Besok deklarasi relawan di posko pemenangan' }] });
    writeFileSync(path, (await compressPhoto(png, { longSide: 1280, quality: 60 })).data);
    const prepared = await prepareImage(path);
    expect('png' in prepared && prepared.factor).toBe(3);
    expect('png' in prepared && imageSize(prepared.png)).toEqual({ width: 1080, height: 2400 });
    // One channel: grey (PNG colour type 0 at byte 25 of the IHDR).
    expect('png' in prepared && prepared.png[25]).toBe(0);
    const { reader } = await openTextReader('tesseract');
    expect(groupNameFromScreen((await reader!.read(path)).text)).toBe('Sahabat Herman Deru OKU');
  });

  it('a picture over 40 megapixels is refused before tesseract runs (bounded memory)', async () => {
    const header = Buffer.from(renderChatScreen({ style: 'telegram', groupName: 'X', members: 1, bubbles: [], width: 360 }));
    header.writeUInt32BE(10_000, 16);
    header.writeUInt32BE(10_000, 20);
    const path = join(dir, 'huge.png');
    writeFileSync(path, header);
    const ran = fakeTesseract('must-not-run', 'echo ran >&2; exit 9');
    await expect(new TesseractReader({ bin: ran }).read(path)).rejects.toThrow(/image too large to read \(10000x10000 pixels\)/);
  });
});
