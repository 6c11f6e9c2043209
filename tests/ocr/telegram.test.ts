/**
 * Issue 18, OCR, on Telegram through the real path: telegraf polls the loopback Bot API (tests/support/telegram.ts);
 * the ASN sends a screenshot (made here, src/bench/ocr-screens.ts) as a photo with a `/lapor` caption that names no
 * group. The adapter downloads it with getFile and the file URL telegraf's Telegram.getFileLink builds
 * (node_modules/telegraf/lib/telegram.js); the receipt goes out; then tesseract reads the stored image in the
 * background, the text is scored, the reading is stored with the evidence item, and Humas gets a machine-read
 * follow-up naming the group. The case's dossier shows it as machine-read. A broken engine changes nothing else.
 * A photo as Telegram really delivers it: a whole phone screenshot recompressed by Telegram's servers to JPEG,
 * at most 1280 px on the long side, in a ladder of sizes (sim.addPhoto, src/platforms/sim/phone-photo.ts); the
 * bot fetches the largest (Bot API Message.photo, node_modules/@telegraf/types/message.d.ts).
 */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDossier } from '../../src/app/evidence/dossier.js';
import { imageSize } from '../../src/app/ocr/enlarge.js';
import { renderChatScreen } from '../../src/bench/ocr-screens.js';
import { photoMessage } from '../../src/platforms/sim/telegram-updates.js';
import { pdfText } from '../support/pdf.js';
import { ASN, dm, HUMAS, selfReportBots } from '../support/self-report.js';

const { start, forget } = selfReportBots();

const screenshot = renderChatScreen({
  style: 'telegram',
  groupName: 'Sahabat Herman Deru OKU',
  members: 1204,
  bubbles: [
    { text: 'Admin menambahkan Siti' },
    { from: 'Korcam Baturaja', text: 'Bapak ibu, besok deklarasi relawan di posko pemenangan. Ayo menangkan paslon nomor 1!' },
  ],
});

describe('self-report screenshot read by OCR (Telegram)', () => {
  it('photo + /lapor caption: receipt first, then the machine-read group name reaches Humas, the case is marked Pilkada, the dossier shows it', { timeout: 90_000 }, async () => {
    const b = await start();
    const file = b.sim.addFile(screenshot, { ext: 'jpg' });
    b.sim.pushUpdate(photoMessage(dm, ASN, file, '/lapor Saya dimasukkan ke grup Telegram ini tanpa izin'));
    await b.sim.waitFor((s) => s.some((m) => m.chat_id === HUMAS.id && /Dibaca mesin \(OCR\)/.test(m.text ?? '')), 60_000);
    expect(b.sim.calls.some((c) => c.method === 'getFile')).toBe(true);

    // The receipt did not wait for the OCR: it was sent before the machine-read follow-up.
    const order = b.sim.sent.map((m) => (m.chat_id === ASN.id && /JN-\d{4}-\d{6}/.test(m.text ?? '') ? 'receipt' : /Dibaca mesin/.test(m.text ?? '') ? 'ocr' : 'other'));
    expect(order.indexOf('receipt')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('receipt')).toBeLessThan(order.indexOf('ocr'));

    const follow = b.sim.sent.find((m) => m.chat_id === HUMAS.id && /Dibaca mesin/.test(m.text ?? ''))!.text!;
    const no = (b.app.db.prepare(`SELECT receipt_no FROM self_reports`).get() as { receipt_no: string }).receipt_no;
    expect(follow).toContain(no);
    expect(follow).toContain('Siti Rahmawati');
    expect(follow).toContain('Nama grup terbaca: "Sahabat Herman Deru OKU"');
    expect(follow).toMatch(/Tampak sebagai grup kampanye/);
    expect(follow).toMatch(/Isi terkait Pilkada: ya/);
    expect(follow).toMatch(/Hasil baca mesin dapat keliru/);

    // Stored with the evidence item; the image itself is kept, unchanged.
    const ev = b.app.db.prepare(`SELECT id, path, sha256 FROM self_report_evidence WHERE kind = 'photo'`).get() as { id: number; path: string; sha256: string };
    expect(ev.sha256).toBe(createHash('sha256').update(screenshot).digest('hex'));
    expect(existsSync(ev.path)).toBe(true);
    const ocr = b.app.db.prepare(`SELECT status, engine, group_name, pilkada, campaign_group, confidence, text FROM self_report_ocr WHERE evidence_id = ?`).get(ev.id) as Record<string, unknown>;
    expect(ocr).toMatchObject({ status: 'read', group_name: 'Sahabat Herman Deru OKU', pilkada: 1, campaign_group: 1 });
    expect(ocr['engine']).toMatch(/^tesseract .*ind\+eng$/);
    expect(ocr['text']).toMatch(/posko pemenangan/);
    expect(ocr['confidence']).toBeGreaterThan(0.5);
    // The report's case now carries the screenshot's Pilkada terms, as a case the bot saw itself carries its message's.
    const inc = b.app.db.prepare(`SELECT i.id, i.terms FROM incidents i JOIN self_reports r ON r.incident_id = i.id`).get() as { id: number; terms: string };
    expect(JSON.parse(inc.terms)).toEqual(expect.arrayContaining([expect.stringMatching(/Herman Deru|posko pemenangan|deklarasi|relawan/i)]));

    // The dossier lists it under the photo, marked as machine-read.
    const d = await makeDossier(b.app, { kind: 'case', id: inc.id }, { actor: 'cli:test' });
    const text = pdfText(d.ok ? d.pdf : new Uint8Array()).replace(/\s+/g, ' ');
    expect(text).toContain('Dibaca mesin (OCR)');
    expect(text).toContain('grup "Sahabat Herman Deru OKU"');
    expect(text).toContain('terkait Pilkada');
  });

  it('an engine that fails or is missing changes nothing else: the receipt, the image and the Humas alert stand; the reading is "failed" or absent', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jn-ocr-tg-'));
    const broken = join(dir, 'tesseract');
    writeFileSync(broken, '#!/bin/sh\ncase "$1" in --version) echo "tesseract 5.3.0";; --list-langs) printf "x\\neng\\nind\\n";; *) echo "Error in pixReadStream" >&2; exit 1;; esac\n');
    chmodSync(broken, 0o755);
    for (const bin of [broken, join(dir, 'missing-tesseract')]) {
      const b = await start({ OCR_TESSERACT: bin, LANGUAGE: 'en' });
      b.sim.pushUpdate(photoMessage(dm, ASN, b.sim.addFile(screenshot, { ext: 'jpg' }), '/lapor I was added to this group'));
      await b.sim.waitFor((s) => s.some((m) => m.chat_id === HUMAS.id && m.method === 'sendDocument') && s.some((m) => m.chat_id === ASN.id && m.method === 'sendDocument'), 30_000);
      await b.app.screenshots.idle();
      expect(b.app.screenshots.state).toMatchObject(bin === broken ? { on: true } : { on: false, why: 'missing' });
      const ev = b.app.db.prepare(`SELECT id, path FROM self_report_evidence WHERE kind = 'photo'`).get() as { id: number; path: string };
      expect(existsSync(ev.path)).toBe(true);
      const row = b.app.db.prepare(`SELECT status, error FROM self_report_ocr WHERE evidence_id = ?`).get(ev.id);
      if (bin === broken) expect(row).toEqual({ status: 'failed', error: expect.stringMatching(/pixReadStream/) });
      else expect(row).toBeUndefined();
      expect(b.sim.sent.some((m) => /Machine-read/.test(m.text ?? ''))).toBe(false);
      await b.stop();
      forget(b);
    }
  });

  for (const quality of [80, 60]) {
    it(`a 1080x2400 screenshot sent as a photo: Telegram's 576x1280 JPEG (quality ${quality}) is fetched, read, and its group name reaches Humas`, { timeout: 90_000 }, async () => {
      const b = await start();
      const png = renderChatScreen({
        style: 'telegram', phone: true, width: 1080, groupName: 'Sahabat Herman Deru OKU', members: 2310,
        bubbles: [{ text: 'Joko menambahkan Siti' }, { from: 'Admin', text: 'Debat paslon malam ini, nonton bareng di sekber' }],
      });
      const sizes = await b.sim.addPhoto(png, { quality });
      expect(sizes.map((p) => `${p.width}x${p.height}`)).toEqual(['41x90', '144x320', '360x800', '576x1280']);
      b.sim.pushUpdate(photoMessage(dm, ASN, sizes, '/lapor Saya dimasukkan ke grup Telegram ini'));
      await b.sim.waitFor((s) => s.some((m) => m.chat_id === HUMAS.id && /Dibaca mesin \(OCR\)/.test(m.text ?? '')), 60_000);
      // The largest size was fetched, and that JPEG is what was stored and read.
      expect(b.sim.calls.filter((c) => c.method === 'getFile').map((c) => c.params['file_id'])).toEqual([sizes.at(-1)!.file_id]);
      const ev = b.app.db.prepare(`SELECT id, path, mime FROM self_report_evidence WHERE kind = 'photo'`).get() as { id: number; path: string; mime: string };
      expect(ev.mime).toBe('image/jpeg');
      expect(imageSize(readFileSync(ev.path))).toEqual({ width: 576, height: 1280 });
      const follow = b.sim.sent.find((m) => m.chat_id === HUMAS.id && /Dibaca mesin/.test(m.text ?? ''))!.text!;
      expect(follow).toContain('Nama grup terbaca: "Sahabat Herman Deru OKU"');
      expect(follow).toMatch(/Tampak sebagai grup kampanye/);
      expect(follow).toMatch(/Isi terkait Pilkada: ya/);
      expect(b.app.db.prepare(`SELECT status, group_name, pilkada FROM self_report_ocr WHERE evidence_id = ?`).get(ev.id)).toEqual({ status: 'read', group_name: 'Sahabat Herman Deru OKU', pilkada: 1 });
    });
  }
});
