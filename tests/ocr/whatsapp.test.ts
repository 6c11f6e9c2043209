/**
 * Issue 18, OCR, on WhatsApp through Baileys' own message shapes and event path: an `imageMessage` with a `LAPOR`
 * caption, its media encrypted with Baileys' encryptedStream and fetched and decrypted with
 * downloadEncryptedContent (lib/Utils/messages-media.js) by the fake socket (src/platforms/sim/whatsapp-socket.ts).
 * The screenshot (made here) shows a WhatsApp group's header; tesseract reads the stored image after the receipt,
 * and Humas on WhatsApp and Telegram gets the machine-read group name; English with LANGUAGE=en. A photo as a
 * phone really sends it: a whole-screen screenshot recompressed by the phone to JPEG (WhatsApp's standard quality,
 * our assumption: 1600 px long side, quality 70; Baileys itself sends and receives the bytes unchanged,
 * lib/Utils/messages.js prepareWAMessageMedia, src/platforms/sim/phone-photo.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderChatScreen } from '../../src/bench/ocr-screens.js';
import { compressPhoto, WHATSAPP_STANDARD } from '../../src/platforms/sim/phone-photo.js';
import { privateImageMessage } from '../../src/platforms/sim/whatsapp-socket.js';
import { ADMIN_WA, ASN1_LID, ASN1_PN, drainAll, fakeClock, startBot } from '../fixtures/whatsapp/setup.js';

let stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of stops) await s();
  stops = [];
});

const textsTo = (fake: { sent: { jid: string; content: Record<string, unknown> }[] }, jid: string): string[] =>
  fake.sent.filter((s) => s.jid === jid && typeof s.content['text'] === 'string').map((s) => s.content['text'] as string);

describe('self-report screenshot read by OCR (WhatsApp)', () => {
  for (const lang of ['id', 'en'] as const) {
    it(`imageMessage + LAPOR caption: the group name read from the screenshot reaches Humas (${lang})`, { timeout: 60_000 }, async () => {
      const clock = fakeClock();
      const b = await startBot(clock, { extra: { LANGUAGE: lang } });
      stops.push(async () => {
        await b.wa.stop();
        await b.app.close();
      });
      const png = renderChatScreen({
        style: 'whatsapp',
        groupName: 'Relawan Maju Bersama',
        members: 57,
        bubbles: [{ text: 'Budi menambahkan Anda' }, { from: '+62 812-3456-7891', text: 'Selamat bergabung! Mari menangkan paslon nomor 2 di Pilgub Sumsel, ayo coblos nomor 2' }],
      });
      const media = await b.fake.addMedia(png, 'image', 'image/png');
      await b.fake.deliver(privateImageMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: `OCR-${lang}`, caption: 'LAPOR saya dimasukkan ke grup ini', at: clock.now, media }));
      await b.wa.idle();
      expect(b.app.db.prepare(`SELECT COUNT(*) AS n FROM self_reports`).get()).toEqual({ n: 1 });
      await b.app.screenshots.idle();
      await drainAll(b.app, clock, 10);
      expect(textsTo(b.fake, ASN1_PN).some((t) => /JN-\d{4}-000001/.test(t))).toBe(true);
      const read = textsTo(b.fake, ADMIN_WA).find((t) => /OCR/.test(t))!;
      expect(read).toBeDefined();
      if (lang === 'id') {
        expect(read).toContain('Nama grup terbaca: "Relawan Maju Bersama"');
        expect(read).toMatch(/Isi terkait Pilkada: ya/);
      } else {
        expect(read).toContain('Group name read: "Relawan Maju Bersama"');
        expect(read).toMatch(/Pilkada content: yes/);
        expect(read).toMatch(/Machine reading can be wrong/);
      }
      // The Telegram Humas admin hears the same (the recording messenger of the fixture).
      expect(b.tg.sent.some((m) => m.text.includes('"Relawan Maju Bersama"'))).toBe(true);
      expect(b.app.db.prepare(`SELECT o.group_name, o.pilkada, e.kind, e.mime FROM self_report_ocr o JOIN self_report_evidence e ON e.id = o.evidence_id`).get()).toEqual({
        group_name: 'Relawan Maju Bersama', pilkada: 1, kind: 'photo', mime: 'image/png',
      });
    });
  }

  it('a JPEG screenshot as the phone sends it (standard quality): read, and its group name reaches Humas', { timeout: 60_000 }, async () => {
    const clock = fakeClock();
    const b = await startBot(clock);
    stops.push(async () => {
      await b.wa.stop();
      await b.app.close();
    });
    const png = renderChatScreen({
      style: 'whatsapp', phone: true, width: 1080, groupName: 'Sedulur Eddy Santana', members: 64,
      bubbles: [{ text: 'Bowo menambahkan Anda' }, { from: 'Mas Bowo', text: 'Nanti malam kumpul di posko pemenangan, bawa spanduk dan baliho' }],
    });
    const jpeg = await compressPhoto(png, WHATSAPP_STANDARD);
    expect([jpeg.width, jpeg.height, jpeg.data[0], jpeg.data[1]]).toEqual([720, 1600, 0xff, 0xd8]);
    const media = await b.fake.addMedia(jpeg.data, 'image', 'image/jpeg');
    await b.fake.deliver(privateImageMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'OCR-JPEG', caption: 'LAPOR saya dimasukkan ke grup ini', at: clock.now, media }));
    await b.wa.idle();
    await b.app.screenshots.idle();
    await drainAll(b.app, clock, 10);
    const read = textsTo(b.fake, ADMIN_WA).find((t) => /OCR/.test(t));
    expect(read).toContain('Nama grup terbaca: "Sedulur Eddy Santana"');
    expect(read).toMatch(/Isi terkait Pilkada: ya/);
    expect(b.app.db.prepare(`SELECT o.status, o.group_name, e.mime, e.bytes FROM self_report_ocr o JOIN self_report_evidence e ON e.id = o.evidence_id`).get()).toEqual({
      status: 'read', group_name: 'Sedulur Eddy Santana', mime: 'image/jpeg', bytes: jpeg.data.length,
    });
  });
});
