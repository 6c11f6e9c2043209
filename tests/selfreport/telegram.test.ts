/**
 * Self-reports on Telegram through telegraf over HTTP to the loopback Bot API (tests/support/telegram.ts):
 * a photo with a "/lapor ..." caption (downloaded with getFile and the file URL telegraf's
 * Telegram.getFileLink builds, node_modules/telegraf/lib/telegram.js), the guided flow with its buttons
 * (callback_query), a forward from a channel (Bot API 7.0 forward_origin), a restart in the middle of the
 * flow, `batal`, and the "Sudah selesai" button that closes the case and sends the receipt again.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { Nip, PhoneE164, TgUserId } from '../../src/core/ids.js';
import type { SimSentMessage, SimUser } from '../../src/platforms/sim/telegram-server.js';
import { albumMessages, callbackQuery, documentMessage, forwardedFromChannel, newChatMembers, photoMessage, textMessage, videoMessage } from '../../src/platforms/sim/telegram-updates.js';
import { makeDossier } from '../../src/app/evidence/dossier.js';
import { expireFlows, FLOW_TIMEOUT_MS } from '../../src/app/report-flow.js';
import { pdfText } from '../support/pdf.js';
import { ASN, asn, dm, HUMAS, selfReportBots } from '../support/self-report.js';
import { startSimBot, type SimBot } from '../support/telegram.js';

const { start, track, forget } = selfReportBots();

const toAsn = (b: SimBot): SimSentMessage[] => b.sim.sent.filter((m) => m.chat_id === ASN.id);
/** The receipts the ASN got (a report number in the text). */
const receiptsOf = (b: SimBot): SimSentMessage[] => toAsn(b).filter((m) => m.method === 'sendMessage' && /JN-\d{4}-\d{6}/.test(m.text ?? ''));
/** Sends one update that makes a report and returns the text of its receipt. */
async function reportAndReceipt(b: SimBot, u: Record<string, unknown>): Promise<string> {
  const n = receiptsOf(b).length;
  b.sim.pushUpdate(u);
  await b.sim.waitFor(() => receiptsOf(b).length > n, 10_000);
  return receiptsOf(b).at(-1)!.text!;
}
/** The last message to the ASN with buttons, and the data of its buttons. */
function lastButtons(b: SimBot): string[] {
  const m = [...toAsn(b)].reverse().find((x) => x.reply_markup);
  return ((m?.reply_markup as { inline_keyboard?: { callback_data: string }[][] })?.inline_keyboard ?? []).flat().map((k) => k.callback_data);
}
async function press(b: SimBot, data: string): Promise<void> {
  const n = toAsn(b).length;
  b.sim.pushUpdate(callbackQuery(ASN, data));
  await b.sim.waitFor(() => toAsn(b).length > n, 10_000);
}
async function say(b: SimBot, update: Record<string, unknown>): Promise<void> {
  const n = toAsn(b).length;
  b.sim.pushUpdate(update);
  await b.sim.waitFor(() => toAsn(b).length > n, 10_000);
}

describe('self-report on Telegram', () => {
  it('a screenshot with a /lapor caption: downloaded, hashed, stored 0600, named in the receipt, attached for Humas', { timeout: 60_000 }, async () => {
    const b = await start();
    const png = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'binary'), Buffer.alloc(5000, 7)]);
    const file = b.sim.addFile(png, { ext: 'jpg' });
    b.sim.pushUpdate(photoMessage(dm, ASN, file, '/lapor Saya ditandai di Instagram dalam foto kampanye "Sahabat Paslon 2"'));
    await b.sim.waitFor((s) => s.some((m) => m.chat_id === ASN.id && m.method === 'sendDocument') && s.some((m) => m.chat_id === HUMAS.id && m.method === 'sendDocument'), 20_000);
    const sha = createHash('sha256').update(png).digest('hex');
    const receipt = toAsn(b).find((m) => m.method === 'sendMessage')!;
    expect(receipt.text).toContain(sha);
    expect(receipt.text).toMatch(/Instagram/);
    expect(receipt.text).toMatch(/Hapus saya dari postingan/);
    expect(pdfText(toAsn(b).find((m) => m.method === 'sendDocument')!.document!.data!)).toContain(sha);
    const forHumas = b.sim.sent.find((m) => m.chat_id === HUMAS.id && m.method === 'sendDocument')!;
    expect(forHumas.document!.bytes).toBe(png.length);
    const ev = b.app.db.prepare(`SELECT path, sha256, bytes FROM self_report_evidence WHERE kind = 'photo'`).get() as { path: string; sha256: string; bytes: number };
    expect(ev.sha256).toBe(sha);
    expect(statSync(ev.path).mode & 0o777).toBe(0o600);
    expect(b.sim.calls.some((c) => c.method === 'getFile')).toBe(true);
    // The case's dossier (issue 19) lists the self-report under Bukti: its receipt and the file's SHA-256.
    const r = b.app.db.prepare(`SELECT incident_id, receipt_no FROM self_reports`).get() as { incident_id: number; receipt_no: string };
    const d = await makeDossier(b.app, { kind: 'case', id: r.incident_id }, { actor: 'cli:test' });
    expect(d.ok).toBe(true);
    const text = pdfText(d.ok ? d.pdf : new Uint8Array());
    expect(text).toContain(`Laporan mandiri ASN ${r.receipt_no}`);
    expect(text).toContain(sha);
    expect(text).not.toContain('Tidak ada peristiwa tercatat');
  });

  it('the guided flow: a screenshot sent before the evidence question is kept for the report, and the question is asked again', { timeout: 60_000 }, async () => {
    const b = await start();
    await say(b, textMessage(dm, ASN, '/lapor'));
    const shot = Buffer.alloc(3500, 4);
    await say(b, photoMessage(dm, ASN, b.sim.addFile(shot, { ext: 'jpg' })));
    const kept = toAsn(b).at(-1)!;
    expect(kept.text).toMatch(/^Bukti diterima dan disimpan untuk laporan ini \(1 berkas sejauh ini\)\. Silakan jawab dulu pertanyaan ini\.\n\nLaporan mandiri \(1\/4\)/);
    expect(lastButtons(b)).toEqual(['lapor:what:added', 'lapor:what:tagged', 'lapor:what:photo', 'lapor:what:other', 'lapor:cancel']);
    await press(b, 'lapor:what:added');
    await press(b, 'lapor:where:telegram');
    expect(toAsn(b).at(-1)!.text).toMatch(/Diterima: 1\./);
    await press(b, 'lapor:next');
    expect(toAsn(b).at(-1)!.text).toMatch(/Berkas bukti: 1/);
    const n = toAsn(b).length;
    b.sim.pushUpdate(callbackQuery(ASN, 'lapor:send'));
    await b.sim.waitFor(() => toAsn(b).slice(n).some((m) => m.method === 'sendDocument'), 20_000);
    const sha = createHash('sha256').update(shot).digest('hex');
    expect(b.app.db.prepare(`SELECT sha256 FROM self_report_evidence WHERE kind = 'photo'`).pluck().all()).toEqual([sha]);
    expect(toAsn(b).slice(n).find((m) => m.method === 'sendMessage')!.text).toContain(sha);
  });

  it('the guided flow: buttons for what and where, evidence (text, photo, a channel forward), confirm; then "done" closes the case', { timeout: 60_000 }, async () => {
    const b = await start();
    // A registered ASN's /start greeting carries the "Laporkan" button, which starts the same flow as /lapor.
    await say(b, textMessage(dm, ASN, '/start'));
    expect(lastButtons(b)).toEqual(['lapor:start']);
    await press(b, 'lapor:start');
    expect(lastButtons(b)).toEqual(['lapor:what:added', 'lapor:what:tagged', 'lapor:what:photo', 'lapor:what:other', 'lapor:cancel']);
    await press(b, 'lapor:what:photo');
    expect(lastButtons(b)).toContain('lapor:where:facebook');
    await press(b, 'lapor:where:facebook');
    await say(b, textMessage(dm, ASN, 'Foto saya dengan calon diunggah akun Relawan Bersatu'));
    const photo = b.sim.addFile(Buffer.alloc(3000, 1), { ext: 'jpg' });
    await say(b, photoMessage(dm, ASN, photo));
    await say(b, forwardedFromChannel(dm, ASN, 'Ayo coblos nomor 2', { id: -1001234, title: 'Info Paslon 2', username: 'infopaslon2' }, 77));
    await press(b, 'lapor:next');
    const confirm = toAsn(b).at(-1)!;
    expect(confirm.text).toMatch(/Foto bersama calon diunggah/);
    expect(confirm.text).toMatch(/Facebook/);
    expect(confirm.text).toMatch(/Info Paslon 2/);
    expect(b.app.db.prepare(`SELECT COUNT(*) AS n FROM self_reports`).get()).toEqual({ n: 0 });
    const n = toAsn(b).length;
    b.sim.pushUpdate(callbackQuery(ASN, 'lapor:send'));
    await b.sim.waitFor(() => toAsn(b).slice(n).some((m) => m.method === 'sendDocument'), 20_000);
    const receipt = toAsn(b).slice(n).find((m) => m.method === 'sendMessage')!;
    expect(receipt.text).toMatch(/JN-\d{4}-000001/);
    expect(receipt.text).toMatch(/Minta pengunggah menghapus foto/);
    const rep = b.app.db.prepare(`SELECT category, place, incident_id FROM self_reports`).get() as { category: string; place: string; incident_id: number };
    expect(rep).toMatchObject({ category: 'photo', place: 'facebook' });
    const kinds = (b.app.db.prepare(`SELECT kind, value FROM self_report_evidence ORDER BY id`).all() as { kind: string; value: string | null }[]).map((e) => e.kind);
    expect(kinds).toEqual(['forward', 'photo']);
    expect(b.app.db.prepare(`SELECT COUNT(*) AS n FROM report_flows`).get()).toEqual({ n: 0 });

    // "Sudah selesai": the case closes with the time it took, and the receipt comes again with that time.
    const m = toAsn(b).length;
    b.sim.pushUpdate(callbackQuery(ASN, lastButtons(b).find((d) => d.startsWith('sr-done:'))!));
    await b.sim.waitFor(() => toAsn(b).slice(m).some((x) => x.method === 'sendDocument'), 20_000);
    const inc = b.app.db.prepare(`SELECT kind, status, resolved_at - opened_at AS took FROM incidents WHERE id = ?`).get(rep.incident_id) as { kind: string; status: string; took: number };
    expect(inc).toMatchObject({ kind: 'reported', status: 'left' });
    expect(inc.took).toBeGreaterThanOrEqual(0);
    const again = toAsn(b).slice(m).find((x) => x.method === 'sendMessage')!;
    expect(again.text).toMatch(/Selesai menurut ASN: .* WIB/);
    expect(pdfText(toAsn(b).slice(m).find((x) => x.method === 'sendDocument')!.document!.data!)).toMatch(/Selesai menurut ASN/);
  });

  it('a restart in the middle of the flow resumes at the same step; batal cancels; silence ends it politely', { timeout: 90_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jn-flow-'));
    // After the afterEach hooks (selfReportBots stops the bot there), whatever the test's outcome.
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const overrides = { DATABASE_PATH: join(dir, 'jaga.sqlite') };
    const first = await start(overrides);
    await say(first, textMessage(dm, ASN, '/lapor'));
    await press(first, 'lapor:what:added');
    expect(lastButtons(first)).toContain('lapor:where:whatsapp');
    await first.stop();
    forget(first);

    const second = await start(overrides);
    await press(second, 'lapor:where:whatsapp');
    expect(toAsn(second).at(-1)!.text).toMatch(/\(3\/4\)/);
    await say(second, textMessage(dm, ASN, 'Dimasukkan ke grup "Relawan Maju Bersama" oleh 081234567890'));
    await press(second, 'lapor:next');
    await press(second, 'lapor:send');
    await second.sim.waitFor(() => toAsn(second).some((m) => m.method === 'sendDocument'), 20_000);
    const row = second.app.db.prepare(`SELECT category, place, actor_phone FROM self_reports`).get();
    expect(row).toEqual({ category: 'added', place: 'whatsapp', actor_phone: '+6281234567890' });
    // The named adder counts like one the bot saw: a finding of kind 'added' with the WhatsApp JID as actor.
    expect(second.app.db.prepare(`SELECT actor_id FROM incident_findings WHERE kind = 'added'`).get()).toEqual({ actor_id: '6281234567890@s.whatsapp.net' });

    await say(second, textMessage(dm, ASN, '/lapor'));
    await say(second, textMessage(dm, ASN, 'batal'));
    expect(toAsn(second).at(-1)!.text).toMatch(/Laporan dibatalkan/);
    expect(second.app.db.prepare(`SELECT COUNT(*) AS n FROM report_flows`).get()).toEqual({ n: 0 });

    await say(second, textMessage(dm, ASN, '/lapor'));
    const n = toAsn(second).length;
    // Thirty minutes of silence: the flow's last answer is moved back in time, then the lifecycle job's sweep runs.
    second.app.db.prepare(`UPDATE report_flows SET updated_at = updated_at - ?`).run(FLOW_TIMEOUT_MS + 1);
    expireFlows(second.app, second.app.clock());
    await second.sim.waitFor(() => toAsn(second).length > n, 10_000);
    expect(toAsn(second).at(-1)!.text).toMatch(/berakhir karena tidak ada jawaban selama 30 menit/);
    expect(second.app.db.prepare(`SELECT COUNT(*) AS n FROM self_reports`).get()).toEqual({ n: 1 });
  });

  it('the "Laporkan" button under an ASN alert starts the guided flow (callback_query through telegraf)', { timeout: 60_000 }, async () => {
    const b = await start();
    const group = { id: -1009876543210, title: 'Relawan Paslon 2 Pilgub Sumsel', type: 'supergroup' as const };
    const timses: SimUser = { id: 7001, first_name: 'Joko' };
    b.sim.pushUpdate({
      my_chat_member: {
        chat: group, from: { ...timses, is_bot: false }, date: 1_730_689_000,
        old_chat_member: { status: 'left', user: { ...b.sim.bot, is_bot: true } },
        new_chat_member: { status: 'administrator', user: { ...b.sim.bot, is_bot: true }, can_manage_chat: true },
      },
    });
    b.sim.pushUpdate(newChatMembers(group, timses, [ASN]));
    await b.sim.waitFor(() => toAsn(b).some((m) => (m.text ?? '').includes('Relawan Paslon 2 Pilgub Sumsel')), 10_000);
    const alert = toAsn(b).find((m) => (m.text ?? '').includes('Relawan Paslon 2 Pilgub Sumsel'))!;
    const caseId = (b.app.db.prepare(`SELECT id FROM incidents`).get() as { id: number }).id;
    expect(alert.reply_markup).toEqual({
      inline_keyboard: [
        [{ text: 'Saya sudah keluar', callback_data: `left:${caseId}` }, { text: 'Saya perlu bantuan Humas', callback_data: `help:${caseId}` }],
        [{ text: 'Laporkan', callback_data: 'lapor:start' }],
      ],
    });
    // Pressed on that message: the first question of the guided flow comes as a new message with its buttons.
    const n = toAsn(b).length;
    b.sim.pushUpdate(callbackQuery(ASN, 'lapor:start', { message_id: alert.message_id, chat: { id: ASN.id, type: 'private' }, date: 1_730_689_001, text: alert.text }));
    await b.sim.waitFor(() => toAsn(b).length > n, 10_000);
    expect(lastButtons(b)).toEqual(['lapor:what:added', 'lapor:what:tagged', 'lapor:what:photo', 'lapor:what:other', 'lapor:cancel']);
    expect(b.app.db.prepare(`SELECT step, asn_nip FROM report_flows`).get()).toEqual({ step: 'what', asn_nip: asn[0]!.nip });
    expect(b.sim.calls.some((c) => c.method === 'answerCallbackQuery')).toBe(true);
  });

  it('evidence not kept is named in one polite line: over 10 MB, refused by getFile over 20 MB, a failed download, beyond 10 files', { timeout: 90_000 }, async () => {
    // Twenty private messages in a minute: above the default flood limit, which is not what this test is about.
    const b = await start({ INBOUND_PRIVATE_PER_MINUTE: '100', INBOUND_PRIVATE_PER_HOUR: '1000' });
    const getFiles = () => b.sim.calls.filter((c) => c.method === 'getFile').length;
    // A photo of 11 MB: its file_size says so, so it is never fetched; the report is kept with its text.
    const big = b.sim.addFile(Buffer.alloc(11 * 1024 * 1024, 1), { ext: 'jpg' });
    await say(b, photoMessage(dm, ASN, big, '/lapor Saya ditandai di Facebook dalam foto kampanye'));
    await b.sim.waitFor(() => toAsn(b).some((m) => m.method === 'sendDocument'), 20_000);
    const receipt = toAsn(b).find((m) => m.method === 'sendMessage' && /JN-\d{4}-000001/.test(m.text ?? ''))!;
    expect(receipt.text!.split('\n').at(-1)).toBe('Mohon maaf, 1 berkas tidak kami simpan: 1 lebih dari 10 MB. Anda dapat mengirim tautannya atau tangkapan layar yang lebih kecil.');
    expect(getFiles()).toBe(0);
    expect(b.app.db.prepare(`SELECT COUNT(*) AS n FROM self_report_evidence WHERE kind IN ('photo', 'document')`).get()).toEqual({ n: 0 });

    // A 21 MB document whose update carries no file_size: the Bot API refuses getFile ("file is too big").
    const huge = b.sim.addFile(Buffer.alloc(21 * 1024 * 1024, 2), { ext: 'pdf' });
    await say(b, documentMessage(dm, ASN, huge, { caption: '/lapor Dokumen undangan kampanye', fileName: 'undangan.pdf', mimeType: 'application/pdf', withoutSize: true }));
    await b.sim.waitFor(() => toAsn(b).some((m) => /JN-\d{4}-000002/.test(m.text ?? '')), 20_000);
    expect(b.sim.calls.filter((c) => c.method === 'getFile').map((c) => c.status)).toEqual([400]);
    expect(toAsn(b).find((m) => /JN-\d{4}-000002/.test(m.text ?? ''))!.text).toMatch(/\n\nMohon maaf, 1 berkas tidak kami simpan: 1 lebih dari 10 MB\./);

    // getFile fails (Telegram answers 500): the receipt says the file could not be downloaded.
    b.sim.inject({ method: 'getFile', kind: '500' });
    const small = b.sim.addFile(Buffer.alloc(3000, 3), { ext: 'jpg' });
    await say(b, photoMessage(dm, ASN, small, '/lapor Foto saya diunggah akun relawan'));
    await b.sim.waitFor(() => toAsn(b).some((m) => /JN-\d{4}-000003/.test(m.text ?? '')), 20_000);
    expect(toAsn(b).find((m) => /JN-\d{4}-000003/.test(m.text ?? ''))!.text).toMatch(/1 gagal diunduh \(silakan kirim ulang\)/);
    // Every receipt's PDF has arrived, so each answer below is the answer to the message just sent.
    await b.sim.waitFor(() => toAsn(b).filter((m) => m.method === 'sendDocument').length === 3, 20_000);

    // In the guided flow, the eleventh file is beyond the limit: that answer says so, and ten files are kept.
    await say(b, textMessage(dm, ASN, '/lapor'));
    await press(b, 'lapor:what:photo');
    await press(b, 'lapor:where:instagram');
    for (let i = 0; i < 11; i++) await say(b, photoMessage(dm, ASN, b.sim.addFile(Buffer.alloc(1000 + i, 4), { ext: 'jpg' })));
    const answers = toAsn(b).slice(-11).map((m) => m.text ?? '');
    expect(answers.slice(0, 10).every((t) => !t.includes('Mohon maaf'))).toBe(true);
    expect(answers[10]).toMatch(/Mohon maaf, 1 berkas tidak kami simpan: 1 melebihi batas 10 berkas per laporan\./);
    await press(b, 'lapor:next');
    await press(b, 'lapor:send');
    await b.sim.waitFor(() => toAsn(b).some((m) => /JN-\d{4}-000004/.test(m.text ?? '')), 20_000);
    const rep = b.app.db.prepare(`SELECT id FROM self_reports WHERE receipt_no LIKE '%-000004'`).get() as { id: number };
    expect(b.app.db.prepare(`SELECT COUNT(*) AS n FROM self_report_evidence WHERE report_id = ? AND kind = 'photo'`).get(rep.id)).toEqual({ n: 10 });
  });

  it('ten screenshots sent at once into the guided flow are each answered under the default flood limits (src/app/flood.ts); the flow is what widens the limit', { timeout: 90_000 }, async () => {
    const b = await start();
    await say(b, textMessage(dm, ASN, '/lapor'));
    await press(b, 'lapor:what:photo');
    await press(b, 'lapor:where:instagram');
    // Eleven private messages in well under a minute (the limit is 5): each photo is evidence of the open flow.
    for (let i = 0; i < 10; i++) await say(b, photoMessage(dm, ASN, b.sim.addFile(Buffer.alloc(2000 + i, 5), { ext: 'jpg' })));
    await press(b, 'lapor:next');
    await press(b, 'lapor:send');
    await b.sim.waitFor(() => toAsn(b).some((m) => /JN-\d{4}-000001/.test(m.text ?? '')), 20_000);
    const rep = b.app.db.prepare(`SELECT id FROM self_reports WHERE receipt_no LIKE '%-000001'`).get() as { id: number };
    expect(b.app.db.prepare(`SELECT COUNT(*) AS n FROM self_report_evidence WHERE report_id = ? AND kind = 'photo'`).get(rep.id)).toEqual({ n: 10 });
    // Outside a flow the usual limit holds: plain texts in the same minute are recorded but no longer answered.
    await b.sim.waitFor(() => toAsn(b).some((m) => m.method === 'sendDocument'), 20_000);
    const n = toAsn(b).length;
    for (let i = 0; i < 3; i++) b.sim.pushUpdate(textMessage(dm, ASN, `halo ${i}`));
    // All three are recorded (the monitor has them) ...
    await vi.waitFor(() => expect(b.app.db.prepare(`SELECT COUNT(*) AS n FROM inbound_private`).get()).toEqual({ n: 14 }), { timeout: 10_000, interval: 50 });
    // ... and none is answered (an answer would be queued at once; give the dispatcher time to send one).
    await new Promise((r) => setTimeout(r, 500));
    expect(toAsn(b).length).toBe(n);
  });

  it('many ASN reporting the same group within the window: Humas gets the first reports one by one and the rest as one summary', { timeout: 90_000 }, async () => {
    const people: SimUser[] = [0, 1, 2, 3].map((i) => ({ id: 5201 + i, first_name: `ASN${i}` }));
    const registry = people.map((p, i) => ({
      nip: `19870312201001200${i + 4}` as Nip, nama: ['Ani Lestari', 'Bayu Pratama', 'Citra Dewi', 'Dodi Saputra'][i]!, unit: 'Dinas Kesehatan',
      phone: `+62813111130${i}0` as PhoneE164, telegramId: String(p.id) as TgUserId,
    }));
    // A window of 8 s: wide enough for the four reports to land in it on a slow machine (the summary waits for its end).
    const b = await startSimBot({
      asn: registry, started: [...people, HUMAS], perChatGapMs: 1, overrides: { MASS_ALERT_THRESHOLD: '2', MASS_ALERT_WINDOW_SECONDS: '8' },
    });
    track(b);
    const report = '/lapor Saya dimasukkan ke grup WhatsApp "Relawan Maju Bersama" oleh 0812 3456 7890, tautan https://chat.whatsapp.com/AbCdEfGhIjK12345';
    // Two send it as text, two as the caption of a video (not kept: each summary line names it for Humas).
    for (const [i, p] of people.entries()) {
      b.sim.pushUpdate(i < 2 ? textMessage({ id: p.id, type: 'private' }, p, report) : videoMessage({ id: p.id, type: 'private' }, p, b.sim.addFile(Buffer.alloc(4_000, i), { ext: 'mp4' }), report));
    }
    // Another group, in the same minute: not part of that burst, alerted on its own.
    b.sim.pushUpdate(textMessage({ id: people[0]!.id, type: 'private' }, people[0]!, '/lapor Saya ditandai di grup Telegram "Sahabat Paslon 2" oleh 081298765432'));
    const toHumas = () => b.sim.sent.filter((m) => m.chat_id === HUMAS.id && m.method === 'sendMessage').map((m) => m.text ?? '');
    await b.sim.waitFor(() => toHumas().some((t) => t.includes('laporan mandiri ASN tentang grup yang sama')), 30_000);
    // Every ASN has their receipt; nothing of the ASN's side is held.
    for (const p of people) await b.sim.waitFor((s) => s.some((m) => m.chat_id === p.id && /JN-\d{4}-\d{6}/.test(m.text ?? '')), 20_000);
    const alone = toHumas().filter((t) => t.startsWith('📝 Laporan mandiri ASN'));
    const summaries = toHumas().filter((t) => t.includes('laporan mandiri ASN tentang grup yang sama'));
    expect(alone.filter((t) => t.includes('Relawan Maju Bersama'))).toHaveLength(2);
    expect(alone.filter((t) => t.includes('Sahabat Paslon 2'))).toHaveLength(1);
    expect(summaries).toHaveLength(1);
    const held = b.app.db.prepare(`SELECT r.receipt_no AS no, r.incident_id AS caseId, r.asn_nip AS nip, r.videos_not_kept AS videos FROM self_report_holds h JOIN self_reports r ON r.id = h.report_id ORDER BY r.id`).all() as { no: string; caseId: number; nip: string; videos: number }[];
    expect(held).toHaveLength(2);
    const asnOf = (nip: string) => registry.find((a) => a.nip === nip)!;
    expect(summaries[0]!.split('\n')).toEqual([
      '⚠️ 2 laporan mandiri ASN tentang grup yang sama',
      'Grup/akun: "Relawan Maju Bersama" (WhatsApp)',
      'Tautan (tidak dibuka bot): https://chat.whatsapp.com/AbCdEfGhIjK12345',
      expect.stringMatching(/^Waktu laporan: .* WIB s\.d\. .* WIB$/),
      'Pelapor:',
      ...held.map((h) => `- ${h.no} (kasus #${h.caseId}): ${asnOf(h.nip).nama} (NIP ${h.nip}), Dinas Kesehatan${h.videos ? `; juga ${h.videos} video yang tidak disimpan bot` : ''}`),
      'Bukti tiap laporan ada di dasbor (Laporan ASN) dan lewat /bukti <nomor kasus>.',
    ]);
    // Each report is on exactly one Humas message: alerted alone, or listed in the summary.
    const numbers = (b.app.db.prepare(`SELECT receipt_no FROM self_reports WHERE group_name = 'Relawan Maju Bersama'`).pluck().all() as string[]);
    expect(numbers).toHaveLength(4);
    for (const no of numbers) expect([...alone, ...summaries].filter((t) => t.includes(no))).toHaveLength(1);
    expect(b.app.db.prepare(`SELECT COUNT(*) FROM self_report_holds WHERE released_at IS NULL`).pluck().get()).toBe(0);
    // The two video reports: whether alerted alone or listed, Humas reads that a video was sent and not kept.
    const videoReports = b.app.db.prepare(`SELECT receipt_no FROM self_reports WHERE videos_not_kept = 1`).pluck().all() as string[];
    expect(videoReports).toHaveLength(2);
    for (const no of videoReports) {
      const said = [...alone, ...summaries].find((t) => t.includes(no))!;
      expect(said).toMatch(mentionsVideo(no));
    }
    function mentionsVideo(no: string): RegExp {
      const esc = no.replace(/[-]/g, '\\-');
      return new RegExp(`${esc}[^\\n]*; juga 1 video yang tidak disimpan bot|${esc}[\\s\\S]*ASN juga mengirim 1 video yang tidak disimpan bot`);
    }
  });

  it('one ASN sending report after report of large files: kept up to EVIDENCE_MB_PER_DAY in 24 hours, then each report is still recorded but its files are not kept, and the answer says why (Indonesian)', { timeout: 90_000 }, async () => {
    const b = await start({ EVIDENCE_MB_PER_DAY: '1' });
    const doc = (kb: number, fill: number) => b.sim.addFile(Buffer.alloc(kb * 1024, fill), { ext: 'pdf' });
    const lapor = (kb: number, fill: number, text: string) => documentMessage(dm, ASN, doc(kb, fill), { caption: `/lapor ${text}`, fileName: `bukti-${fill}.pdf`, mimeType: 'application/pdf' });
    const report = (u: Record<string, unknown>): Promise<string> => reportAndReceipt(b, u);
    expect(await report(lapor(700, 1, 'undangan grup pertama'))).not.toMatch(/tidak kami simpan/);
    // 700 KB kept; 500 more do not fit in 1 MB: the report stands, the file is not kept, the ASN is told why.
    expect(await report(lapor(500, 2, 'undangan grup kedua'))).toContain('Mohon maaf, 1 berkas tidak kami simpan: 1 melebihi batas bukti per ASN (1 MB dalam 24 jam; laporan tetap tercatat, hubungi Humas bila perlu mengirim lebih).');
    // A smaller file still fits.
    expect(await report(lapor(200, 3, 'undangan grup ketiga'))).not.toMatch(/tidak kami simpan/);
    const kept = b.app.db.prepare(`SELECT r.description, e.bytes FROM self_reports r LEFT JOIN self_report_evidence e ON e.report_id = r.id AND e.kind = 'document' ORDER BY r.id`).all();
    expect(kept).toEqual([
      { description: 'undangan grup pertama', bytes: 700 * 1024 },
      { description: 'undangan grup kedua', bytes: null },
      { description: 'undangan grup ketiga', bytes: 200 * 1024 },
    ]);
    // Humas still hears of every report.
    await b.sim.waitFor((s) => s.filter((m) => m.chat_id === HUMAS.id && (m.text ?? '').startsWith('📝')).length === 3, 20_000);
  });

  it('a file whose declared file_size is over what is left of EVIDENCE_MB_PER_DAY is not downloaded at all (no getFile, no file fetch); the report is still recorded and alerted; a file with no size, or a lying one, is still caught after the download', { timeout: 90_000 }, async () => {
    // Bot API Document.file_size / PhotoSize.file_size (node_modules/@telegraf/types/message.d.ts) are optional: the
    // adapter judges the daily room by them before getFile and telegraf's Telegram.getFileLink
    // (node_modules/telegraf/lib/telegram.js), and the use case's capEvidence checks the real size after.
    const b = await start({ EVIDENCE_MB_PER_DAY: '1' });
    const report = (u: Record<string, unknown>): Promise<string> => reportAndReceipt(b, u);
    /** How often the bot asked getFile for, and fetched, this file (the simulator logs both: getFile and `file`). */
    const fetched = (fileId: string): number => b.sim.calls.filter((c) => (c.method === 'getFile' && c.params['file_id'] === fileId) || (c.method === 'file' && String(c.params['path']).endsWith(`file_${fileId.split('-')[2]}.pdf`))).length;
    const add = (kb: number, fill: number) => b.sim.addFile(Buffer.alloc(kb * 1024, fill), { ext: 'pdf' });
    const lapor = (file: ReturnType<typeof add>, text: string, o: { withoutSize?: boolean } = {}) =>
      documentMessage(dm, ASN, file, { caption: `/lapor ${text}`, fileName: 'bukti.pdf', mimeType: 'application/pdf', ...o });
    const first = add(700, 1);
    expect(await report(lapor(first, 'undangan grup pertama'))).not.toMatch(/tidak kami simpan/);
    expect(fetched(first.file_id)).toBe(2);
    const quotaLine = 'Mohon maaf, 1 berkas tidak kami simpan: 1 melebihi batas bukti per ASN (1 MB dalam 24 jam; laporan tetap tercatat, hubungi Humas bila perlu mengirim lebih).';
    // 500 KB declared, 324 KB left: not fetched; the ASN is told as before; the report stands.
    const over = add(500, 2);
    expect(await report(lapor(over, 'undangan grup kedua'))).toContain(quotaLine);
    expect(fetched(over.file_id)).toBe(0);
    // No declared size: fetched, then refused by the real size (as before this check existed).
    const unsized = add(500, 3);
    expect(await report(lapor(unsized, 'undangan grup ketiga', { withoutSize: true }))).toContain(quotaLine);
    expect(fetched(unsized.file_id)).toBe(2);
    // A lying size (100 KB declared, 500 KB real): fetched on its word, refused after by the real size.
    const liar = add(500, 4);
    expect(await report(lapor({ ...liar, file_size: 100 * 1024 }, 'undangan grup keempat'))).toContain(quotaLine);
    expect(fetched(liar.file_id)).toBe(2);
    // A small one still fits, and is fetched.
    const small = add(200, 5);
    expect(await report(lapor(small, 'undangan grup kelima'))).not.toMatch(/tidak kami simpan/);
    expect(fetched(small.file_id)).toBe(2);
    const kept = b.app.db.prepare(`SELECT r.description, e.bytes FROM self_reports r LEFT JOIN self_report_evidence e ON e.report_id = r.id AND e.kind = 'document' ORDER BY r.id`).all();
    expect(kept).toEqual([
      { description: 'undangan grup pertama', bytes: 700 * 1024 },
      { description: 'undangan grup kedua', bytes: null },
      { description: 'undangan grup ketiga', bytes: null },
      { description: 'undangan grup keempat', bytes: null },
      { description: 'undangan grup kelima', bytes: 200 * 1024 },
    ]);
    // Humas hears of every report, the one whose file was never fetched too.
    await b.sim.waitFor((s) => s.filter((m) => m.chat_id === HUMAS.id && (m.text ?? '').startsWith('📝')).length === 5, 20_000);
  });

  it('an album into an open guided report: the files that no longer fit the daily room by their file_size are not fetched (English)', { timeout: 90_000 }, async () => {
    const b = await start({ EVIDENCE_MB_PER_DAY: '1', LANGUAGE: 'en' });
    await say(b, textMessage(dm, ASN, '/lapor'));
    await press(b, 'lapor:what:added');
    await press(b, 'lapor:where:whatsapp');
    await say(b, documentMessage(dm, ASN, b.sim.addFile(Buffer.alloc(600 * 1024, 1), { ext: 'pdf' }), { fileName: 'a.pdf', mimeType: 'application/pdf' }));
    // Three screenshots of 200 KB as one album: the flow holds 600 KB, so two fit the 1 MB and the third is not fetched.
    const shots = [2, 3, 4].map((i) => b.sim.addFile(Buffer.alloc(200 * 1024, i), { ext: 'jpg' }));
    const n = toAsn(b).length;
    for (const u of albumMessages(dm, ASN, shots, undefined)) b.sim.pushUpdate(u);
    await b.sim.waitFor(() => toAsn(b).length > n, 15_000);
    expect(toAsn(b).at(-1)!.text).toContain('Sorry, 1 file was not kept: 1 over the evidence limit per ASN (1 MB in 24 hours; the report is recorded all the same, contact Humas to send more).');
    const asked = b.sim.calls.filter((c) => c.method === 'getFile').map((c) => c.params['file_id']);
    expect(shots.map((f) => asked.includes(f.file_id))).toEqual([true, true, false]);
  });

  it('the daily evidence limit counts the files an open guided report holds (English)', { timeout: 90_000 }, async () => {
    const b = await start({ EVIDENCE_MB_PER_DAY: '1', LANGUAGE: 'en' });
    await say(b, textMessage(dm, ASN, '/lapor'));
    await press(b, 'lapor:what:added');
    await press(b, 'lapor:where:whatsapp');
    const doc = (kb: number, fill: number) => documentMessage(dm, ASN, b.sim.addFile(Buffer.alloc(kb * 1024, fill), { ext: 'pdf' }), { fileName: `f${fill}.pdf`, mimeType: 'application/pdf' });
    await say(b, doc(600, 1));
    expect(toAsn(b).at(-1)!.text).not.toMatch(/not kept/);
    await say(b, doc(600, 2));
    expect(toAsn(b).at(-1)!.text).toContain('Sorry, 1 file was not kept: 1 over the evidence limit per ASN (1 MB in 24 hours; the report is recorded all the same, contact Humas to send more).');
    await press(b, 'lapor:next');
    await press(b, 'lapor:send');
    const rep = b.app.db.prepare(`SELECT id FROM self_reports`).get() as { id: number };
    expect(b.app.db.prepare(`SELECT bytes FROM self_report_evidence WHERE report_id = ? AND kind = 'document'`).pluck().all(rep.id)).toEqual([600 * 1024]);
  });
});
