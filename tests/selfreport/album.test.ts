/**
 * Telegram albums in a private chat, through telegraf over HTTP to the loopback Bot API (tests/support/telegram.ts).
 * An album reaches a bot as separate `message` updates sharing `media_group_id` (Bot API Message.media_group_id),
 * caption on the first item unless the sender put it elsewhere; telegraf hands each to the bot as its own update,
 * a getUpdates batch all at once (node_modules/telegraf/lib/core/network/polling.js, `loop`:
 * `Promise.all(updates.map(handleUpdate))`). The simulator sends albums that way (albumMessages,
 * src/platforms/sim/telegram-updates.ts), and photos recompressed to JPEG as Telegram's servers do (sim.addPhoto).
 * The bot answers an album once (src/app/albums.ts): one self-report, one receipt, every file, the 10-file cap,
 * counted once by the flood guard (default 5 a minute).
 */
import { describe, expect, it, vi } from 'vitest';
import { renderChatScreen } from '../../src/bench/ocr-screens.js';
import type { SimSentMessage } from '../../src/platforms/sim/telegram-server.js';
import { albumMessages, callbackQuery, photoMessage, textMessage, videoMessage } from '../../src/platforms/sim/telegram-updates.js';
import { ASN, dm, HUMAS, selfReportBots } from '../support/self-report.js';
import type { SimBot } from '../support/telegram.js';

const bots = selfReportBots();
/** OCR is off here: these tests are about albums (tests/ocr reads the screenshots). */
const start = (o: Record<string, string> = {}): Promise<SimBot> => bots.start({ OCR_TESSERACT: 'off', ...o });

const toAsn = (b: SimBot): SimSentMessage[] => b.sim.sent.filter((m) => m.chat_id === ASN.id);
const receipts = (b: SimBot): SimSentMessage[] => toAsn(b).filter((m) => m.method === 'sendMessage' && /JN-\d{4}-\d{6}/.test(m.text ?? ''));
const count = (b: SimBot, sql: string, ...args: unknown[]): number => (b.app.db.prepare(sql).get(...args) as { n: number }).n;

/** n small, different screenshots (each a chat screen with its own group name). */
const screens = (n: number): Buffer[] =>
  Array.from({ length: n }, (_, i) => renderChatScreen({ style: i % 2 ? 'telegram' : 'whatsapp', groupName: `Grup Bukti ${i + 1}`, members: 10 + i, bubbles: [{ from: 'Admin', text: `Pesan ${i + 1}` }], width: 360 }));

async function press(b: SimBot, data: string): Promise<void> {
  const n = toAsn(b).length;
  b.sim.pushUpdate(callbackQuery(ASN, data));
  await b.sim.waitFor(() => toAsn(b).length > n, 10_000);
}

describe('Telegram albums in a private chat', () => {
  it('an album of ten screenshots with a /lapor caption on the first: one self-report with all ten, one receipt, no flood refusal', { timeout: 90_000 }, async () => {
    const b = await start();
    const photos = await Promise.all(screens(10).map((s) => b.sim.addPhoto(s)));
    // Telegram's own sizes: JPEG, smallest first, the bot fetches the largest.
    expect(photos[0]!.map((p) => Math.max(p.width, p.height))).toEqual([90, 320, 360]);
    for (const u of albumMessages(dm, ASN, photos, '/lapor Saya dimasukkan ke grup WhatsApp "Relawan Maju Bersama" oleh 0812 3456 7890')) b.sim.pushUpdate(u);
    await b.sim.waitFor(() => toAsn(b).some((m) => m.method === 'sendDocument') && b.sim.sent.some((m) => m.chat_id === HUMAS.id && m.method === 'sendDocument'), 30_000);

    expect(count(b, `SELECT COUNT(*) AS n FROM self_reports`)).toBe(1);
    const rep = b.app.db.prepare(`SELECT id, receipt_no, description AS text, group_name FROM self_reports`).get() as { id: number; receipt_no: string; text: string; group_name: string };
    expect(rep.group_name).toBe('Relawan Maju Bersama');
    expect(count(b, `SELECT COUNT(*) AS n FROM self_report_evidence WHERE report_id = ? AND kind = 'photo' AND mime = 'image/jpeg'`, rep.id)).toBe(10);
    // Each photo's largest size was fetched, none of the thumbnails.
    const fetched = b.sim.calls.filter((c) => c.method === 'getFile').map((c) => (c.params as { file_id: string }).file_id);
    expect(fetched.sort()).toEqual(photos.map((p) => p.at(-1)!.file_id).sort());
    // One receipt (text and PDF), not a line of silence or a second report; it names all ten hashes.
    expect(receipts(b)).toHaveLength(1);
    expect(receipts(b)[0]!.text).toContain(rep.receipt_no);
    expect(receipts(b)[0]!.text!.match(/\b[0-9a-f]{64}\b/g)).toHaveLength(10);
    expect(receipts(b)[0]!.text).not.toMatch(/Mohon maaf/);
    // The album counted once for the flood guard: nobody was told of a flood.
    expect(count(b, `SELECT COUNT(*) AS n FROM inbound_private`)).toBe(1);
    expect(b.sim.sent.some((m) => /flood|banjir pesan|terlalu banyak pesan/i.test(m.text ?? ''))).toBe(false);
    // A later message of the ASN is answered as usual (the limit was not used up by the album).
    const n = toAsn(b).length;
    b.sim.pushUpdate(textMessage(dm, ASN, 'halo'));
    await b.sim.waitFor(() => toAsn(b).length > n, 10_000);
  });

  it('the caption on a later item, the album spread over several polls, and sent again by Telegram: still one report, answered once', { timeout: 90_000 }, async () => {
    const b = await start();
    const photos = await Promise.all(screens(4).map((s) => b.sim.addPhoto(s)));
    const album = albumMessages(dm, ASN, photos, '/lapor Saya ditandai di foto kampanye di Facebook', { captionOn: 2 });
    b.sim.pushUpdate(album[0]!);
    b.sim.pushUpdate(album[1]!);
    // The bot fetched those and polls again before the rest arrives.
    await vi.waitFor(() => expect(count(b, `SELECT COUNT(*) AS n FROM inbound_private`)).toBe(1), { timeout: 10_000, interval: 20 });
    await b.sim.waitForPoll(5000);
    b.sim.pushUpdate(album[2]!);
    b.sim.pushUpdate(album[3]!);
    await b.sim.waitFor(() => toAsn(b).some((m) => m.method === 'sendDocument'), 30_000);
    expect(count(b, `SELECT COUNT(*) AS n FROM self_reports`)).toBe(1);
    const rep = b.app.db.prepare(`SELECT id, description AS text, place FROM self_reports`).get() as { id: number; text: string; place: string };
    expect(rep.text).toBe('Saya ditandai di foto kampanye di Facebook');
    expect(rep.place).toBe('facebook');
    expect(count(b, `SELECT COUNT(*) AS n FROM self_report_evidence WHERE report_id = ? AND kind = 'photo'`, rep.id)).toBe(4);
    // The receipt answers the album's first message.
    const first = (album[0]!['message'] as { message_id: number }).message_id;
    expect(count(b, `SELECT COUNT(*) AS n FROM outbox WHERE kind = 'selfreport_receipt' AND dedupe_key = ?`, `reply:tg:${ASN.id}:${first}`)).toBe(1);

    // Telegram delivers the whole album again (same messages): no second report, no second receipt, and not even
    // counted by the flood guard (the answered album's messages are remembered, store/pending-pictures.ts).
    const sent = toAsn(b).length;
    for (const u of album) b.sim.pushUpdate(u);
    await vi.waitFor(() => expect(b.sim.pendingUpdates()).toBe(0), { timeout: 10_000, interval: 20 });
    expect(count(b, `SELECT COUNT(*) AS n FROM inbound_private`)).toBe(1);
    await new Promise((r) => setTimeout(r, 2500));
    expect(count(b, `SELECT COUNT(*) AS n FROM self_reports`)).toBe(1);
    expect(toAsn(b).length).toBe(sent);
  });

  it('into the guided flow: an album is one step with one answer, and the 10-file cap counts the files already given', { timeout: 90_000 }, async () => {
    const b = await start();
    b.sim.pushUpdate(textMessage(dm, ASN, '/lapor'));
    await b.sim.waitFor(() => toAsn(b).length > 0, 10_000);
    await press(b, 'lapor:what:added');
    await press(b, 'lapor:where:whatsapp');
    // Three screenshots one by one, then an album of ten: three of the album are beyond the cap.
    for (const s of screens(3)) {
      const n = toAsn(b).length;
      b.sim.pushUpdate(photoMessage(dm, ASN, await b.sim.addPhoto(s)));
      await b.sim.waitFor(() => toAsn(b).length > n, 10_000);
    }
    const before = toAsn(b).length;
    const photos = await Promise.all(screens(10).map((s) => b.sim.addPhoto(s, { quality: 60 })));
    for (const u of albumMessages(dm, ASN, photos)) b.sim.pushUpdate(u);
    await b.sim.waitFor(() => toAsn(b).length > before, 20_000);
    await new Promise((r) => setTimeout(r, 2000));
    const answers = toAsn(b).slice(before);
    expect(answers).toHaveLength(1);
    expect(answers[0]!.text).toMatch(/Mohon maaf, 3 berkas tidak kami simpan: 3 melebihi batas 10 berkas per laporan\./);
    await press(b, 'lapor:next');
    await press(b, 'lapor:send');
    await b.sim.waitFor(() => receipts(b).length === 1, 20_000);
    const rep = b.app.db.prepare(`SELECT id FROM self_reports`).get() as { id: number };
    expect(count(b, `SELECT COUNT(*) AS n FROM self_report_evidence WHERE report_id = ? AND kind = 'photo'`, rep.id)).toBe(10);
  });

  it('a stranger\'s album with a /lapor caption: told once how to register, nothing downloaded or recorded', { timeout: 60_000 }, async () => {
    const b = await start();
    const stranger = { id: 7777, first_name: 'Tamu' };
    b.sim.addUser(stranger);
    b.sim.startedBot(stranger.id);
    const photos = await Promise.all(screens(3).map((s) => b.sim.addPhoto(s)));
    for (const u of albumMessages({ id: stranger.id }, stranger, photos, '/lapor ada grup kampanye')) b.sim.pushUpdate(u);
    await b.sim.waitFor((s) => s.some((m) => m.chat_id === stranger.id), 10_000);
    await new Promise((r) => setTimeout(r, 2000));
    expect(b.sim.sent.filter((m) => m.chat_id === stranger.id)).toHaveLength(1);
    expect(b.sim.calls.some((c) => c.method === 'getFile')).toBe(false);
    expect(count(b, `SELECT COUNT(*) AS n FROM self_reports`)).toBe(0);
  });

  it('a photo, or an album, sent with no /lapor and no open report: answered once with how to report it and the Laporkan button; nothing is downloaded or kept', { timeout: 90_000 }, async () => {
    const b = await start();
    const [one] = await Promise.all(screens(1).map((s) => b.sim.addPhoto(s)));
    b.sim.pushUpdate(photoMessage(dm, ASN, one!));
    await b.sim.waitFor(() => toAsn(b).length > 0, 10_000);
    expect(toAsn(b).map((m) => ({ text: m.text, reply_markup: m.reply_markup }))).toEqual([
      {
        text: 'Kiriman Anda belum kami simpan sebagai laporan. Untuk melaporkan (misalnya tangkapan layar grup kampanye), tekan tombol Laporkan di bawah ini, atau kirim ulang gambarnya dengan keterangan /lapor.',
        reply_markup: { inline_keyboard: [[{ text: 'Laporkan', callback_data: 'lapor:start' }]] },
      },
    ]);
    // An album with no caption is answered once too.
    const photos = await Promise.all(screens(3).map((s) => b.sim.addPhoto(s)));
    for (const u of albumMessages(dm, ASN, photos)) b.sim.pushUpdate(u);
    await b.sim.waitFor(() => toAsn(b).length > 1, 10_000);
    await new Promise((r) => setTimeout(r, 2000));
    expect(toAsn(b)).toHaveLength(2);
    expect(b.sim.calls.some((c) => c.method === 'getFile')).toBe(false);
    expect(count(b, `SELECT COUNT(*) AS n FROM self_reports`)).toBe(0);
    // The button starts the guided report.
    await press(b, 'lapor:start');
    expect(b.app.db.prepare(`SELECT step FROM report_flows`).get()).toEqual({ step: 'what' });
  });

  it('a lone video, or an album of videos only, sent with no /lapor and no open report: answered (once per album) that videos are not kept, why, and what to send instead, with the Laporkan button; nothing fetched; a stranger\'s video gets nothing, as before', { timeout: 90_000 }, async () => {
    const b = await start();
    const mp4 = (fill: number) => b.sim.addFile(Buffer.concat([Buffer.from('\x00\x00\x00\x18ftypmp42', 'latin1'), Buffer.alloc(30_000, fill)]), { ext: 'mp4' });
    const hint = {
      text: 'Video tidak kami simpan sebagai bukti: video dari ponsel biasanya melebihi batas 10 MB, dan Humas perlu bukti yang langsung bisa dibuka. Untuk melaporkan, kirim tangkapan layar (foto) dari bagian videonya yang penting, atau tautan ke unggahannya, dengan keterangan /lapor, atau tekan tombol Laporkan di bawah ini.',
      reply_markup: { inline_keyboard: [[{ text: 'Laporkan', callback_data: 'lapor:start' }]] },
    };
    // A lone video with a caption that is no /lapor (Bot API Message.video, caption).
    b.sim.pushUpdate(videoMessage(dm, ASN, mp4(1), 'lihat ini pak'));
    await b.sim.waitFor(() => toAsn(b).length > 0, 10_000);
    expect(toAsn(b).map((m) => ({ text: m.text, reply_markup: m.reply_markup }))).toEqual([hint]);
    // Two videos sharing a media_group_id, no photo: one answer for the album.
    b.sim.pushUpdate(videoMessage(dm, ASN, mp4(2), undefined, { mediaGroupId: 'TGVID1', message_id: 900 }));
    b.sim.pushUpdate(videoMessage(dm, ASN, mp4(3), undefined, { mediaGroupId: 'TGVID1', message_id: 901 }));
    await b.sim.waitFor(() => toAsn(b).length > 1, 10_000);
    // A stranger's video: what a stranger's video got before (nothing), while their text still gets the register hint.
    const stranger = { id: 7777, first_name: 'Tamu' };
    b.sim.addUser(stranger);
    b.sim.startedBot(stranger.id);
    b.sim.pushUpdate(videoMessage({ id: stranger.id, type: 'private' }, stranger, mp4(4)));
    await new Promise((r) => setTimeout(r, 2000));
    expect(toAsn(b).map((m) => ({ text: m.text, reply_markup: m.reply_markup }))).toEqual([hint, hint]);
    expect(b.sim.sent.filter((m) => m.chat_id === stranger.id)).toHaveLength(0);
    expect(b.sim.calls.some((c) => c.method === 'getFile')).toBe(false);
    expect(count(b, `SELECT COUNT(*) AS n FROM self_reports`)).toBe(0);
    // The button starts the guided report.
    await press(b, 'lapor:start');
    expect(b.app.db.prepare(`SELECT step FROM report_flows`).get()).toEqual({ step: 'what' });
  });

  it('an album of a video then a photo, with no /lapor and no open report: answered once with the photo hint (its first item is the video), nothing fetched', { timeout: 60_000 }, async () => {
    const b = await start();
    const [photo] = await Promise.all(screens(1).map((x) => b.sim.addPhoto(x)));
    b.sim.pushUpdate(videoMessage(dm, ASN, b.sim.addFile(Buffer.alloc(20_000, 8), { ext: 'mp4' }), undefined, { mediaGroupId: 'TGMIX2', message_id: 950 }));
    b.sim.pushUpdate(photoMessage(dm, ASN, photo!, undefined, { message_id: 951, mediaGroupId: 'TGMIX2' }));
    await b.sim.waitFor(() => toAsn(b).length > 0, 10_000);
    await new Promise((r) => setTimeout(r, 2000));
    expect(toAsn(b).map((m) => m.text)).toEqual([
      'Kiriman Anda belum kami simpan sebagai laporan. Untuk melaporkan (misalnya tangkapan layar grup kampanye), tekan tombol Laporkan di bawah ini, atau kirim ulang gambarnya dengan keterangan /lapor.',
    ]);
    expect(b.sim.calls.some((c) => c.method === 'getFile')).toBe(false);
  });

  it('a lone video with no /lapor, in English', { timeout: 60_000 }, async () => {
    const b = await start({ LANGUAGE: 'en' });
    b.sim.pushUpdate(videoMessage(dm, ASN, b.sim.addFile(Buffer.alloc(20_000, 9), { ext: 'mp4' })));
    await b.sim.waitFor(() => toAsn(b).length > 0, 10_000);
    expect(toAsn(b)[0]!.text).toBe(
      'Videos are not kept as evidence: a phone video is usually over the 10 MB limit, and Humas needs evidence it can open at once. To report it, send a screenshot (photo) of the part of the video that matters, or a link to the post, with the caption /lapor, or press the Report something button below.',
    );
    expect((toAsn(b)[0]!.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard.flat().map((k) => k.callback_data)).toEqual(['lapor:start']);
  });

  it('an album mixing photos and a video (Telegram media groups may): the photos kept, the video not fetched and named to the ASN, and Humas told of it', { timeout: 90_000 }, async () => {
    const b = await start();
    const photos = await Promise.all(screens(2).map((s) => b.sim.addPhoto(s)));
    const album = albumMessages(dm, ASN, photos, '/lapor Saya ditandai di video kampanye di TikTok', { mediaGroupId: 'TGMIX1' });
    const lastId = (album[1]!['message'] as { message_id: number }).message_id;
    const mp4 = b.sim.addFile(Buffer.concat([Buffer.from('\x00\x00\x00\x18ftypmp42', 'latin1'), Buffer.alloc(30_000, 7)]), { ext: 'mp4' });
    for (const u of [...album, videoMessage(dm, ASN, mp4, undefined, { mediaGroupId: 'TGMIX1', message_id: lastId + 1 })]) b.sim.pushUpdate(u);
    await b.sim.waitFor(() => receipts(b).length === 1 && b.sim.sent.some((m) => m.chat_id === HUMAS.id && (m.text ?? '').startsWith('📝')), 30_000);
    const rep = b.app.db.prepare(`SELECT id, receipt_no, videos_not_kept FROM self_reports`).get() as { id: number; receipt_no: string; videos_not_kept: number };
    expect(rep.videos_not_kept).toBe(1);
    expect(count(b, `SELECT COUNT(*) AS n FROM self_report_evidence WHERE report_id = ? AND kind = 'photo'`, rep.id)).toBe(2);
    // The video was never fetched (getFile only for the photos' largest sizes).
    expect(b.sim.calls.filter((c) => c.method === 'getFile').map((c) => (c.params as { file_id: string }).file_id).sort()).toEqual(photos.map((p) => p.at(-1)!.file_id).sort());
    expect(receipts(b)[0]!.text).toContain('Mohon maaf, 1 berkas tidak kami simpan: 1 video (bukti yang disimpan hanya foto dan dokumen; kirim tangkapan layar dari videonya).');
    const alert = b.sim.sent.find((m) => m.chat_id === HUMAS.id && (m.text ?? '').startsWith('📝 Laporan mandiri ASN'))!;
    expect(alert.text).toContain(rep.receipt_no);
    expect(alert.text).toContain('Bukti terlampir: 2 berkas');
    expect(alert.text).toContain('ASN juga mengirim 1 video yang tidak disimpan bot (bukti yang disimpan hanya foto dan dokumen); mintalah lewat jalur lain bila diperlukan.');
  });

  it('a video sent into the guided flow (English): the ASN is told at once, and the Humas alert of the report sent later counts it', { timeout: 90_000 }, async () => {
    const b = await start({ LANGUAGE: 'en' });
    b.sim.pushUpdate(textMessage(dm, ASN, '/lapor'));
    await b.sim.waitFor(() => toAsn(b).length > 0, 10_000);
    await press(b, 'lapor:what:tagged');
    await press(b, 'lapor:where:tiktok');
    let n = toAsn(b).length;
    b.sim.pushUpdate(videoMessage(dm, ASN, b.sim.addFile(Buffer.alloc(20_000, 3), { ext: 'mp4' }), 'the campaign video'));
    await b.sim.waitFor(() => toAsn(b).length > n, 10_000);
    expect(toAsn(b).at(-1)!.text).toContain('Sorry, 1 file was not kept: 1 video (only photos and documents are kept as evidence; send a screenshot of the video).');
    n = toAsn(b).length;
    b.sim.pushUpdate(photoMessage(dm, ASN, await b.sim.addPhoto(screens(1)[0]!)));
    await b.sim.waitFor(() => toAsn(b).length > n, 10_000);
    await press(b, 'lapor:next');
    await press(b, 'lapor:send');
    await b.sim.waitFor(() => b.sim.sent.some((m) => m.chat_id === HUMAS.id && (m.text ?? '').startsWith('📝')), 20_000);
    const alert = b.sim.sent.find((m) => m.chat_id === HUMAS.id && (m.text ?? '').startsWith('📝'))!;
    expect(alert.text).toContain('Evidence attached: 1 file(s)');
    expect(alert.text).toContain('The ASN also sent 1 video the bot did not keep (only photos and documents are kept as evidence); ask for it another way if needed.');
    expect(b.sim.calls.filter((c) => c.method === 'getFile')).toHaveLength(1);
  });
});
