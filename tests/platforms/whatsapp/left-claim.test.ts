/**
 * "I have left" on WhatsApp (issue 16, left alone): there are no buttons, so the ASN replies
 * `SUDAH KELUAR <case>`. Through Baileys' own message shapes (the fake socket delivers
 * proto.WebMessageInfo through makeEventBuffer and processMessage) the bot fetches the group's
 * roster again with `groupMetadata` (answered as `extractGroupMetadata` in
 * node_modules/@whiskeysockets/baileys/lib/Socket/groups.js does: entries `{ id, phoneNumber?, lid? }`):
 * - the roster cannot tell (a LID it cannot pair): the case closes on the ASN's word, marked as such
 *   for Humas (a notice, /kasus), in the report's status cell and in the dossier;
 * - the roster still lists the ASN: the case stays open and the ASN is told; once the roster proves
 *   the ASN gone, the case closes as a seen leave (thank-you, no mark);
 * - somebody else's case, a number-less reply, and Humas' `/sudahkeluar` on WhatsApp.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDossier } from '../../../src/app/evidence/dossier.js';
import { buildReport } from '../../../src/app/reports/build.js';
import { reportCsv, writeReportXlsx } from '../../../src/app/reports/files.js';
import { reopenCase } from '../../../src/app/lifecycle.js';
import { FakeWASocket, privateMessage } from '../../../src/platforms/sim/whatsapp-socket.js';
import type { WhatsAppAdapter } from '../../../src/platforms/whatsapp/adapter.js';
import { pdfText } from '../../support/pdf.js';
import { ADMIN_WA, ASN1, ASN1_LID, ASN1_PN, ASN2_PN, campaignGroup, drainAll, fakeClock, GROUP, startBot } from '../../fixtures/whatsapp/setup.js';

const running: { wa: WhatsAppAdapter; close: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.wa.stop();
    await r.close();
  }
});

const OTHER_LID = '307777777777777@lid';

async function bot(roster: { id: string; phoneNumber?: string }[], extra: Record<string, string> = {}) {
  const clock = fakeClock();
  const fake = new FakeWASocket({ now: clock });
  fake.addGroup(campaignGroup(roster));
  const b = await startBot(clock, { socks: [fake], extra });
  running.push({ wa: b.wa, close: () => b.app.close() });
  // Siti is found in the campaign group (a member scan), by her phone: case #1.
  b.app.monitor.handle({
    kind: 'members_present', dedupeKey: 'present-1', at: clock.now, chat: { platform: 'whatsapp', id: GROUP, type: 'group' },
    members: [{ platform: 'whatsapp', id: ASN1_PN, phone: ASN1.phone }],
  });
  await drainAll(b.app, clock, 5);
  return { ...b, clock };
}

const textsTo = (fake: FakeWASocket, jid: string): string[] =>
  fake.sent.filter((s) => s.jid === jid && typeof s.content['text'] === 'string').map((s) => s.content['text'] as string);
const caseRow = (app: Awaited<ReturnType<typeof bot>>['app']) =>
  app.db.prepare(`SELECT status, status_reason, status_by, left_by_word FROM incidents WHERE id = 1`).get() as { status: string; status_reason: string | null; status_by: string | null; left_by_word: string | null };

async function say(b: Awaited<ReturnType<typeof bot>>, from: string, id: string, text: string): Promise<void> {
  await b.fake.deliver(privateMessage({ from, id, text, at: b.clock.now }));
  await b.wa.idle();
  await drainAll(b.app, b.clock, 5);
}

describe('WhatsApp: SUDAH KELUAR <case>', () => {
  it('the alert tells how to reply; a roster that cannot tell closes the case on the ASN’s word, marked for Humas, the report and the dossier', { timeout: 60_000 }, async () => {
    // Somebody listed only by a LID the bot cannot pair: the roster cannot prove Siti is gone.
    const b = await bot([{ id: OTHER_LID }]);
    const alert = textsTo(b.fake, ASN1_PN)[0]!;
    expect(alert).toContain('Setelah keluar dari grup, balas pesan ini dengan: SUDAH KELUAR 1');

    const before = b.fake.metadataCalls.length;
    await say(b, ASN1_PN, 'K1', 'Saya sudah keluar #1');
    // The roster was asked again, not read from the cache.
    expect(b.fake.metadataCalls.length).toBe(before + 1);
    expect(caseRow(b.app)).toEqual({ status: 'left', status_reason: 'left_by_word', status_by: `wa:${ASN1_PN}`, left_by_word: 'asn' });
    expect(textsTo(b.fake, ASN1_PN).at(-1)).toMatch(/kasus #1 kami tutup berdasarkan pernyataan Anda/);
    // No thank-you for a seen leave: the reply said it.
    expect(b.app.db.prepare(`SELECT COUNT(*) FROM outbox WHERE kind = 'thanks_left'`).pluck().get()).toBe(0);
    const notice = textsTo(b.fake, ADMIN_WA).find((t) => t.includes('pernyataan ASN'))!;
    expect(notice).toContain('Kasus #1 ditutup berdasarkan pernyataan ASN (belum terverifikasi)');
    expect(notice).toContain('sebagian anggota hanya terlihat sebagai LID tanpa nomor telepon');
    expect(b.app.db.prepare(`SELECT recipient FROM outbox WHERE kind = 'humas_left_by_word' ORDER BY recipient`).pluck().all()).toEqual([ADMIN_WA, '9001']);
    // Humas' /kasus shows the reason.
    const kasus = await b.app.commands.run({ platform: 'whatsapp', chatType: 'private', chatId: ADMIN_WA, fromId: ADMIN_WA, text: '/kasus 1' });
    expect(kasus?.text).toContain('keluar menurut pernyataan ASN, belum terverifikasi');
    // The report's status cell and the dossier say how it is known.
    const report = buildReport(b.app.db, b.app.registry, { period: { kind: 'all' }, now: b.clock.now }, 'Asia/Jakarta');
    const csv = reportCsv(report, 'id');
    expect(csv).toContain(`"sudah keluar (menurut ASN, belum terverifikasi)"`);
    // The plain-text /report (here on WhatsApp) and the XLSX summary sheet count it with the same mark (issue 24 point 3).
    await say(b, ADMIN_WA, 'R1', '/report');
    const summary = textsTo(b.fake, ADMIN_WA).find((t) => t.includes('Laporan Jaga Netral'))!;
    expect(summary.split('\n')).toContain('Menurut status: terbuka 0, sudah keluar 1 (1 menurut ASN, belum terverifikasi), dikecualikan 0, kedaluwarsa 0');
    const dir = mkdtempSync(join(tmpdir(), 'jn-report-'));
    try {
      await writeReportXlsx(report, join(dir, 'r.xlsx'), 'id');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, 'r.xlsx'));
      const rows = wb.worksheets[1]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
      const at = rows.findIndex((r) => r[0] === 'sudah keluar');
      expect(rows.slice(at, at + 3)).toEqual([['sudah keluar', 1], ['  menurut ASN, belum terverifikasi', 1], ['dikecualikan', 0]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const dossier = await makeDossier(b.app, { kind: 'case', id: 1 }, { actor: 'test' });
    expect(dossier.ok).toBe(true);
    expect(pdfText((dossier as { pdf: Buffer }).pdf).replace(/\s+/g, ' ')).toContain('keluar dari grup (keluar menurut pernyataan ASN, belum terverifikasi;');

    // A second reply changes nothing.
    await say(b, ASN1_PN, 'K2', 'SUDAH KELUAR 1');
    expect(textsTo(b.fake, ASN1_PN).at(-1)).toBe('Kasus #1 sudah ditutup. Terima kasih.');
    // Reopened by Humas, the mark goes with it.
    expect(reopenCase(b.app, 1, 'wa:admin', b.clock.now).ok).toBe(true);
    expect(caseRow(b.app).left_by_word).toBeNull();
  });

  it('the roster still lists the ASN: the case stays open and the ASN is told; once it proves them gone, a seen leave closes it', { timeout: 60_000 }, async () => {
    const b = await bot([{ id: ASN1_LID, phoneNumber: ASN1_PN }]);
    await say(b, ASN1_PN, 'K1', 'sudah keluar');
    expect(caseRow(b.app).status).toBe('open');
    expect(textsTo(b.fake, ASN1_PN).at(-1)).toMatch(/nomor Anda masih tercatat di grup itu, jadi kasus #1 tetap terbuka/);

    // She leaves; WhatsApp's notification is missed, but the roster fetched on her next reply proves it.
    b.fake.groups.get(GROUP)!.participants = b.fake.groups.get(GROUP)!.participants.filter((p) => p.id !== ASN1_LID);
    b.clock.now += 60_000;
    await say(b, ASN1_PN, 'K2', 'SUDAH KELUAR 1');
    expect(caseRow(b.app)).toMatchObject({ status: 'left', left_by_word: null });
    expect(textsTo(b.fake, ASN1_PN).at(-1)).toMatch(/Anda sudah tidak tercatat di grup/);
    expect(b.app.db.prepare(`SELECT COUNT(*) FROM outbox WHERE kind = 'humas_left_by_word'`).pluck().get()).toBe(0);
  });

  it('somebody else’s case is refused without a change; Humas closes a case with /sudahkeluar on WhatsApp', { timeout: 60_000 }, async () => {
    const b = await bot([{ id: OTHER_LID }]);
    // The case number as people type it (core/case-ref.ts, as /sudahkeluar reads it): read, and refused as not hers.
    await say(b, ASN2_PN, 'X0', 'sudah keluar dari grup kasus no. 1');
    expect(textsTo(b.fake, ASN2_PN).at(-1)).toMatch(/Kasus #1 tidak ditemukan di antara kasus Anda/);
    await say(b, ASN2_PN, 'X1', 'sudah keluar 1');
    expect(textsTo(b.fake, ASN2_PN).at(-1)).toMatch(/Kasus #1 tidak ditemukan di antara kasus Anda/);
    expect(caseRow(b.app).status).toBe('open');

    await say(b, ADMIN_WA, 'A1', '/sudahkeluar');
    expect(textsTo(b.fake, ADMIN_WA).at(-1)).toMatch(/Cara pakai: \/sudahkeluar <nomor kasus>/);
    await say(b, ADMIN_WA, 'A2', '/sudahkeluar 1');
    expect(textsTo(b.fake, ADMIN_WA).at(-1)).toBe('Kasus #1 ditutup: ASN sudah keluar (dikonfirmasi Humas).');
    expect(caseRow(b.app)).toEqual({ status: 'left', status_reason: 'left_by_humas', status_by: `wa:${ADMIN_WA}`, left_by_word: 'humas' });
    expect(reportCsv(buildReport(b.app.db, b.app.registry, { period: { kind: 'all' }, now: b.clock.now }, 'Asia/Jakarta'), 'id')).toContain(`"sudah keluar (dikonfirmasi Humas)"`);
    await say(b, ADMIN_WA, 'A3', '/sudahkeluar 1');
    expect(textsTo(b.fake, ADMIN_WA).at(-1)).toMatch(/#1/);
    expect(b.app.db.prepare(`SELECT allowed FROM audit WHERE action = '/sudahkeluar' ORDER BY id`).pluck().all()).toHaveLength(3);
  });

  it('in English: LEFT <case> in the reminder and the reply', { timeout: 60_000 }, async () => {
    const b = await bot([{ id: OTHER_LID }], { LANGUAGE: 'en' });
    expect(textsTo(b.fake, ASN1_PN)[0]).toContain('Once you have left the group, reply to this message with: LEFT 1');
    await say(b, ASN1_PN, 'K1', 'left 1');
    expect(textsTo(b.fake, ASN1_PN).at(-1)).toMatch(/case #1 is closed on your word/);
    // Stored as a code, whatever the language; read in English.
    expect(caseRow(b.app).status_reason).toBe('left_by_word');
    const kasus = await b.app.commands.run({ platform: 'whatsapp', chatType: 'private', chatId: ADMIN_WA, fromId: ADMIN_WA, text: '/kasus 1' });
    expect(kasus?.text).toContain(`Note: left, by the ASN’s word, unverified (wa:${ASN1_PN})`);
  });
});
