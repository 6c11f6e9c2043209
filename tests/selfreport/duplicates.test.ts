/**
 * An ASN on a phone sends a report twice: a double tap on "send" (two Telegram messages, two message_ids, the
 * same text), or the same screenshot again with the same caption because the first receipt was slow to come
 * (Telegram gives a file the same file_unique_id each time; the bytes, hence the SHA-256, are the same:
 * node_modules/@telegraf/types/message.d.ts PhotoSize.file_unique_id "supposed to be the same over time and for
 * different bots"). Through telegraf over HTTP to the loopback Bot API (tests/support/telegram.ts).
 * Before: two reports, two receipt numbers, two cases, the file stored twice and Humas alerted twice.
 * Now: the second is the first report again: its receipt (same number and code) with one line saying so;
 * nothing is stored or alerted twice. A different text, or the same text much later, is a new report.
 */
import { describe, expect, it } from 'vitest';
import { photoMessage, textMessage } from '../../src/platforms/sim/telegram-updates.js';
import type { SimBot } from '../support/telegram.js';
import { ASN, dm, HUMAS, selfReportBots } from '../support/self-report.js';

const { start } = selfReportBots();

const receipts = (b: SimBot) => b.sim.sent.filter((m) => m.chat_id === ASN.id && m.method === 'sendMessage' && /JN-\d{4}-\d{6}/.test(m.text ?? ''));
const count = (b: SimBot, sql: string): number => b.app.db.prepare(sql).pluck().get() as number;

describe('a self-report sent twice', () => {
  it('a double tap and the same screenshot sent again: one report each, the receipt again with a note, Humas alerted once', { timeout: 90_000 }, async () => {
    const b = await start();
    const text = '/lapor Saya dimasukkan ke grup "Relawan Maju" oleh 081234567891';
    b.sim.pushUpdate(textMessage(dm, ASN, text, { message_id: 11 }));
    b.sim.pushUpdate(textMessage(dm, ASN, text, { message_id: 12 }));
    await b.sim.waitFor(() => receipts(b).length >= 2, 20_000);
    const [first, second] = receipts(b).map((m) => m.text!);
    const no = /JN-\d{4}-\d{6}/.exec(first!)![0];
    expect(second).toContain(`Nomor: ${no}`);
    expect(second!.split('\n')[0]).toBe(`Laporan yang sama sudah tercatat dengan nomor ${no}; tidak dicatat dua kali. Berikut tanda terimanya lagi.`);
    expect(first).not.toMatch(/sudah tercatat/);
    expect(count(b, `SELECT COUNT(*) FROM self_reports`)).toBe(1);
    expect(count(b, `SELECT COUNT(*) FROM incidents`)).toBe(1);

    const png = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'binary'), Buffer.alloc(5000, 7)]);
    const file = b.sim.addFile(png, { ext: 'jpg' });
    b.sim.pushUpdate(photoMessage(dm, ASN, file, '/lapor difoto bersama calon', { message_id: 13 }));
    await b.sim.waitFor(() => receipts(b).length >= 3, 20_000);
    b.sim.pushUpdate(photoMessage(dm, ASN, file, '/lapor difoto bersama calon', { message_id: 14 }));
    await b.sim.waitFor(() => receipts(b).length >= 4, 20_000);
    expect(receipts(b)[3]!.text).toMatch(/^Laporan yang sama sudah tercatat dengan nomor JN-\d{4}-000002;/);
    expect(count(b, `SELECT COUNT(*) FROM self_reports`)).toBe(2);
    expect(count(b, `SELECT COUNT(*) FROM self_report_evidence WHERE kind = 'photo'`)).toBe(1);
    // The same photo with another text is another report.
    b.sim.pushUpdate(photoMessage(dm, ASN, file, '/lapor difoto lagi di acara lain', { message_id: 15 }));
    await b.sim.waitFor(() => receipts(b).length >= 5, 20_000);
    expect(receipts(b)[4]!.text).not.toMatch(/sudah tercatat/);
    expect(count(b, `SELECT COUNT(*) FROM self_reports`)).toBe(3);

    await new Promise((r) => setTimeout(r, 500));
    const humas = b.app.db.prepare(`SELECT COUNT(*) FROM outbox WHERE recipient = ? AND kind = 'humas_alert'`).pluck().get(String(HUMAS.id));
    expect(humas).toBe(3);
  });

  it('the same text again after the window is a new report', { timeout: 60_000 }, async () => {
    const b = await start();
    const text = '/lapor Saya ditandai di Facebook oleh akun relawan';
    b.sim.pushUpdate(textMessage(dm, ASN, text, { message_id: 21 }));
    await b.sim.waitFor(() => receipts(b).length >= 1, 20_000);
    // Move the first report back beyond the window (the receipts' clock is the App's).
    b.app.db.prepare(`UPDATE self_reports SET created_at = created_at - 11 * 60000`).run();
    b.sim.pushUpdate(textMessage(dm, ASN, text, { message_id: 22 }));
    await b.sim.waitFor(() => receipts(b).length >= 2, 20_000);
    expect(receipts(b)[1]!.text).not.toMatch(/sudah tercatat/);
    expect(count(b, `SELECT COUNT(*) FROM self_reports`)).toBe(2);
  });
});
