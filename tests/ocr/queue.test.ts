/**
 * The screenshot queue (src/app/ocr/screenshots.ts) behind the TextReader port: images are read one at a time
 * and never on the report's own turn; a stop leaves the rest unread and the next start reads them; a missing
 * engine is logged once, clearly, and leaves the images as they are.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app/app.js';
import { createLogger } from '../../src/app/log.js';
import { ScreenshotReader } from '../../src/app/ocr/screenshots.js';
import type { ReadText, TextReader } from '../../src/app/ocr/text-reader.js';
import { recordSelfReport } from '../../src/app/self-report.js';
import { renderChatScreen } from '../../src/bench/ocr-screens.js';
import { loadConfig } from '../../src/config.js';
import { applyRetention } from '../../src/store/retention.js';
import type { Nip, PhoneE164, TgUserId } from '../../src/core/ids.js';

const ASN = { nip: '198703122010012003' as Nip, nama: 'Siti Rahmawati', unit: 'Dinas Pendidikan', phone: '+6281311112222' as PhoneE164, telegramId: '5101' as TgUserId };
const png = renderChatScreen({ style: 'whatsapp', groupName: 'Relawan Maju Bersama', members: 57, bubbles: [{ from: 'Rina', text: 'Ayo coblos nomor 2' }], width: 720 });

let apps: App[] = [];
afterEach(async () => {
  for (const a of apps) await a.close().catch(() => undefined);
  apps = [];
});

function app(dbPath: string, extra: Record<string, string> = {}, log?: App['log']): App {
  const a = new App({
    config: loadConfig({ envFile: false, env: {}, overrides: { DATABASE_PATH: dbPath, HUMAS_ADMINS: 'tg:9001', PASLON_FILE: 'data/paslon.sumsel2024.json', QUIET_HOURS: 'off', ...extra } }),
    ...(log ? { log } : {}),
  });
  a.registry.upsertMany([ASN], Date.now());
  apps.push(a);
  return a;
}

/** One report per key: each its own words, since the same report sent again within minutes is the first one (app/self-report.ts). */
function report(a: App, key: string): number {
  const asn = a.registry.byNip(ASN.nip)!;
  return recordSelfReport(a, asn, { platform: 'telegram', reporterId: '5101', sourceKey: key, text: `Saya dimasukkan ke grup (laporan ${key})`, files: [{ kind: 'photo', filename: `${key}.png`, mime: 'image/png', data: png }] }).report.id;
}

/** A reader that takes `ms` per image and records how many reads overlap. */
class CountingReader implements TextReader {
  readonly engine = 'counting';
  running = 0;
  most = 0;
  reads = 0;
  async read(): Promise<ReadText> {
    this.running++;
    this.reads++;
    this.most = Math.max(this.most, this.running);
    await new Promise((r) => setTimeout(r, 30));
    this.running--;
    return { text: 'Relawan Maju Bersama\n57 anggota\nAyo coblos nomor 2', confidence: 0.9 };
  }
  cancel(): void {}
}

describe('the screenshot queue', () => {
  it('reads one image at a time, never during the report\'s own turn, and stores each once', async () => {
    const a = app(':memory:');
    const counting = new CountingReader();
    (a as { screenshots: ScreenshotReader }).screenshots = new ScreenshotReader(a, counting);
    for (const k of ['a', 'b', 'c']) report(a, k);
    // recordSelfReport has returned three times: nothing was read yet.
    expect(counting.reads).toBe(0);
    await a.screenshots.idle();
    expect(counting.reads).toBe(3);
    expect(counting.most).toBe(1);
    expect(a.db.prepare(`SELECT COUNT(*) AS n, SUM(group_name = 'Relawan Maju Bersama') AS named FROM self_report_ocr WHERE status = 'read'`).get()).toEqual({ n: 3, named: 3 });
    // Queued again (a repeated update, a restart): nothing is read twice.
    a.screenshots.resume(Date.now());
    await a.screenshots.idle();
    expect(counting.reads).toBe(3);
  });

  it('images a stop left unread are read at the next start (main.ts calls resume), with the real tesseract', { timeout: 60_000 }, async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'jn-ocr-q-')), 'jaga.sqlite');
    const first = app(db);
    report(first, 'before-stop');
    await first.close();
    apps = [];
    const second = app(db);
    expect(second.db.prepare(`SELECT COUNT(*) AS n FROM self_report_ocr`).get()).toEqual({ n: 0 });
    expect(second.screenshots.resume(Date.now())).toBe(1);
    await second.screenshots.idle();
    expect(second.db.prepare(`SELECT status, group_name FROM self_report_ocr`).get()).toEqual({ status: 'read', group_name: 'Relawan Maju Bersama' });
    expect(second.db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE text LIKE '%Dibaca mesin (OCR)%'`).get()).toEqual({ n: 1 });
  });

  it('a missing engine: one clear warning naming the binary and the packages, and the images stay unread', async () => {
    const out = new PassThrough();
    let logged = '';
    out.on('data', (d: Buffer) => (logged += d.toString()));
    const a = app(':memory:', { OCR_TESSERACT: '/nonexistent/tesseract' }, createLogger('info', out));
    report(a, 'x');
    report(a, 'y');
    await a.screenshots.idle();
    const lines = logged.trim().split('\n').map((l) => JSON.parse(l) as { level: string; msg: string; detail?: string }).filter((l) => /^ocr:/.test(l.msg));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'warn', detail: '/nonexistent/tesseract: not found' });
    expect(lines[0]!.msg).toMatch(/ocr: off, tesseract is not usable; self-report images are kept unread \(install tesseract-ocr tesseract-ocr-ind/);
    expect(a.db.prepare(`SELECT COUNT(*) AS n FROM self_report_ocr`).get()).toEqual({ n: 0 });
    expect(a.db.prepare(`SELECT COUNT(*) AS n FROM self_report_evidence WHERE kind = 'photo' AND path IS NOT NULL`).get()).toEqual({ n: 2 });
  });
});

describe('retention', () => {
  it('deletes the picture and blanks the text OCR read from it; the group name read and the verdict stay', async () => {
    const a = app(':memory:');
    (a as { screenshots: ScreenshotReader }).screenshots = new ScreenshotReader(a, new CountingReader());
    report(a, 'old');
    await a.screenshots.idle();
    const later = Date.now() + 401 * 86_400_000;
    expect(applyRetention(a.db, 400, later).evidenceFiles).toBe(1);
    expect(a.db.prepare(`SELECT text, group_name, pilkada FROM self_report_ocr`).get()).toEqual({ text: '', group_name: 'Relawan Maju Bersama', pilkada: 1 });
  });
});
