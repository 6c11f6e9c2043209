/**
 * WhatsApp albums and pictures with no LAPOR in a private chat, through Baileys' own message shapes and event path
 * (the fake socket, src/platforms/sim/whatsapp-socket.ts: proto.WebMessageInfo through makeEventBuffer and
 * processMessage, media encrypted with encryptedStream and fetched with downloadEncryptedContent).
 *
 * How rc14 represents an album (node_modules/@whiskeysockets/baileys): a header message `albumMessage`
 * { expectedImageCount, expectedVideoCount } (lib/Utils/messages.js, generateWAMessageContent, `album`), then each
 * picture as its own message whose `messageContextInfo.messageAssociation` is { associationType: MEDIA_ALBUM,
 * parentMessageKey: <the header's key> } (same function, `albumParentKey`; WAProto/index.d.ts MessageAssociation,
 * which also has `messageIndex`). WhatsApp's apps wrap each picture in `associatedChildMessage`, a FutureProofMessage
 * that Baileys unwraps (lib/Utils/messages.js, normalizeMessageContent's getFutureProofMessage); the simulator sends
 * both shapes (privateAlbumMessages). Every message is its own stanza and its own `messages.upsert` (lib/Socket/
 * messages-recv.js, handleMessage -> upsertMessage), header first; a caption may be on any picture.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderChatScreen } from '../../src/bench/ocr-screens.js';
import { privateAlbumMessages, privateImageMessage, privateMessage, privateVideoMessage, type FakeWASocket } from '../../src/platforms/sim/whatsapp-socket.js';
import { ADMIN_WA, ASN1_LID, ASN1_PN, drainAll, fakeClock, startBot } from '../fixtures/whatsapp/setup.js';

let stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of stops) await s();
  stops = [];
});

async function bot(extra: Record<string, string> = {}, adapter: { albumQuietMs?: number; albumMaxWaitMs?: number } = {}) {
  const clock = fakeClock();
  const b = await startBot(clock, { extra: { OCR_TESSERACT: 'off', ...extra }, adapter });
  stops.push(async () => {
    await b.wa.stop();
    await b.app.close();
  });
  // Every picture the bot fetches (Baileys' downloadMediaMessage on the real socket).
  const downloads: string[] = [];
  const orig = b.fake.downloadMedia.bind(b.fake);
  b.fake.downloadMedia = async (m) => {
    downloads.push(m.key.id ?? '');
    return orig(m);
  };
  return { ...b, clock, downloads };
}

const textsTo = (fake: FakeWASocket, jid: string): string[] =>
  fake.sent.filter((s) => s.jid === jid && typeof s.content['text'] === 'string').map((s) => s.content['text'] as string);
const count = (app: { db: { prepare(sql: string): { get(...a: unknown[]): unknown } } }, sql: string, ...args: unknown[]): number =>
  (app.db.prepare(sql).get(...args) as { n: number }).n;

/** n different small screenshots, each a chat screen with its own group name. */
const screens = (n: number, name = (i: number) => `Grup Bukti ${i + 1}`): Buffer[] =>
  Array.from({ length: n }, (_, i) => renderChatScreen({ style: 'whatsapp', groupName: name(i), members: 10 + i, bubbles: [{ from: 'Admin', text: `Pesan ${i + 1}` }], width: 360 }));

describe('WhatsApp albums in a private chat', () => {
  it('EVIDENCE_MB_PER_DAY before the download, for an album with LAPOR and the pictures held before it: one budget, the held pictures first; what no longer fits by its fileLength is never fetched', { timeout: 60_000 }, async () => {
    // proto.Message.IImageMessage.fileLength (WAProto/index.d.ts) is what the adapter judges before Baileys'
    // downloadMediaMessage (lib/Utils/messages-media.js, downloadEncryptedContent) would fetch the picture.
    const { app, fake, wa, clock, downloads } = await bot({ EVIDENCE_MB_PER_DAY: '1' });
    const pic = (fill: number) => fake.addMedia(Buffer.alloc(300 * 1024, fill), 'image', 'image/jpeg');
    // Two pictures with no LAPOR: held, not fetched (the ASN is told how to report them).
    for (const [i, id] of ['H1', 'H2'].entries()) await fake.deliver(privateImageMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id, at: clock.now, media: await pic(i + 1) }));
    await wa.idle();
    expect(downloads).toEqual([]);
    // Then an album of three with a LAPOR caption: 5 x 300 KB for a 1 MB day; the held two and the album's first fit.
    const album = privateAlbumMessages({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'QALB', at: clock.now, media: [await pic(3), await pic(4), await pic(5)], captions: ['LAPOR saya dimasukkan ke grup kampanye'] });
    for (const m of [album.header, ...album.pictures]) await fake.deliver(m);
    await wa.idle();
    await drainAll(app, clock, 10);
    expect(downloads).toEqual(['H1', 'H2', 'QALB-1']);
    const rep = app.db.prepare(`SELECT id, receipt_no FROM self_reports`).get() as { id: number; receipt_no: string };
    expect(count(app, `SELECT COUNT(*) AS n FROM self_report_evidence WHERE report_id = ? AND kind = 'photo'`, rep.id)).toBe(3);
    const receipt = textsTo(fake, ASN1_PN).find((t) => t.includes(rep.receipt_no))!;
    expect(receipt).toContain('Mohon maaf, 2 berkas tidak kami simpan: 2 melebihi batas bukti per ASN (1 MB dalam 24 jam; laporan tetap tercatat, hubungi Humas bila perlu mengirim lebih).');
    expect(textsTo(fake, ADMIN_WA).some((t) => t.startsWith('📝') && t.includes(rep.receipt_no))).toBe(true);
  });

  it('an album of three screenshots, LAPOR on the second: one report with all three, one receipt, one flood count, OCR of each to Humas; delivered again: nothing new', { timeout: 120_000 }, async () => {
    const { app, fake, wa, clock, downloads } = await bot({ OCR_TESSERACT: 'tesseract' });
    const names = ['Relawan Maju Bersama', 'Sahabat Paslon Dua', 'Posko Pemenangan Kecamatan'];
    const shots = screens(3, (i) => names[i]!);
    const media = await Promise.all(shots.map((s) => fake.addMedia(s, 'image', 'image/png')));
    const album = privateAlbumMessages({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'ALB1', at: clock.now, media, captions: [undefined, 'LAPOR Saya dimasukkan ke grup-grup ini oleh 0812 3456 7891'] });
    for (const m of [album.header, ...album.pictures]) await fake.deliver(m);
    // The header said three: the third picture completes the album, which is answered behind it.
    await wa.idle();
    expect(count(app, `SELECT COUNT(*) AS n FROM self_reports`)).toBe(1);
    const rep = app.db.prepare(`SELECT id, receipt_no, description, source_key FROM self_reports`).get() as { id: number; receipt_no: string; description: string; source_key: string };
    expect(rep.description).toBe('Saya dimasukkan ke grup-grup ini oleh 0812 3456 7891');
    expect(rep.source_key).toBe(`wa:${ASN1_LID}:album:ALB1`);
    const kept = app.db.prepare(`SELECT sha256 FROM self_report_evidence WHERE report_id = ? AND kind = 'photo' ORDER BY id`).all(rep.id) as { sha256: string }[];
    expect(kept.map((k) => k.sha256)).toEqual(shots.map((s) => createHash('sha256').update(s).digest('hex')));
    expect(downloads).toEqual(['ALB1-1', 'ALB1-2', 'ALB1-3']);
    // Counted once by the flood guard.
    expect(count(app, `SELECT COUNT(*) AS n FROM inbound_private`)).toBe(1);

    await app.screenshots.idle();
    await drainAll(app, clock, 10);
    const receipts = textsTo(fake, ASN1_PN).filter((t) => /JN-\d{4}-\d{6}/.test(t));
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toContain(rep.receipt_no);
    expect(receipts[0]!.match(/\b[0-9a-f]{64}\b/g)).toHaveLength(3);
    expect(receipts[0]).not.toMatch(/Mohon maaf/);
    // The receipt answers the album (its key), as a reply to the album's first picture.
    expect(count(app, `SELECT COUNT(*) AS n FROM outbox WHERE dedupe_key = ? AND kind = 'selfreport_receipt'`, `wa:reply:${ASN1_LID}:album:ALB1`)).toBe(1);
    const toAdmin = textsTo(fake, ADMIN_WA);
    expect(toAdmin.find((t) => t.startsWith('📝 Laporan mandiri ASN'))).toContain('Bukti terlampir: 3 berkas');
    expect(fake.sent.filter((s) => s.jid === ADMIN_WA && 'document' in s.content)).toHaveLength(3);
    // Each picture read by OCR; the group name of each reaches Humas.
    const ocr = toAdmin.filter((t) => /OCR/.test(t)).join('\n');
    for (const n of names) expect(ocr).toContain(`"${n}"`);

    // WhatsApp delivers the whole album again (a reconnect's offline backlog): no second report, no second answer.
    const sent = fake.sent.length;
    for (const m of [album.header, ...album.pictures]) await fake.deliver(m, 'append');
    await wa.idle();
    await new Promise((r) => setTimeout(r, 300));
    await wa.idle();
    await drainAll(app, clock, 5);
    expect(count(app, `SELECT COUNT(*) AS n FROM self_reports`)).toBe(1);
    expect(fake.sent.length).toBe(sent);
    expect(downloads).toHaveLength(3);
  });

  it('Baileys\' own album shape with the header lost: gathered until quiet, one report; twelve pictures keep ten and say so; a stranger\'s album is refused once, nothing fetched', { timeout: 60_000 }, async () => {
    const { app, fake, wa, clock, downloads } = await bot({}, { albumQuietMs: 300 });
    const media = await Promise.all(screens(12).map((s) => fake.addMedia(s, 'image', 'image/png')));
    const album = privateAlbumMessages({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'ALB2', at: clock.now, media, captions: ['LAPOR saya ditandai di Instagram oleh akun relawan'], shape: 'baileys' });
    // Baileys' shape: the association sits on the message itself, no associatedChildMessage wrapper, no index.
    expect(album.pictures[0]!.message?.messageContextInfo?.messageAssociation?.parentMessageKey?.id).toBe('ALB2');
    for (const m of album.pictures) await fake.deliver(m);
    await wa.idle();
    expect(count(app, `SELECT COUNT(*) AS n FROM self_reports`)).toBe(0);
    await vi.waitFor(async () => {
      await wa.idle();
      expect(count(app, `SELECT COUNT(*) AS n FROM self_reports`)).toBe(1);
    }, { timeout: 10_000, interval: 50 });
    await drainAll(app, clock, 5);
    expect(count(app, `SELECT COUNT(*) AS n FROM self_report_evidence WHERE kind = 'photo'`)).toBe(10);
    expect(downloads).toHaveLength(10);
    const receipts = textsTo(fake, ASN1_PN).filter((t) => /JN-\d{4}-\d{6}/.test(t));
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toContain('Mohon maaf, 2 berkas tidak kami simpan: 2 melebihi batas 10 berkas per laporan.');
    expect(app.db.prepare(`SELECT place FROM self_reports`).get()).toEqual({ place: 'instagram' });

    const stranger = '6281399999999@s.whatsapp.net';
    const sm = await Promise.all(screens(3).map((s) => fake.addMedia(s, 'image', 'image/png')));
    const theirs = privateAlbumMessages({ from: stranger, id: 'ALB3', at: clock.now, media: sm, captions: ['LAPOR ada grup kampanye'] });
    for (const m of [theirs.header, ...theirs.pictures]) await fake.deliver(m);
    await wa.idle();
    await drainAll(app, clock, 3);
    const toStranger = textsTo(fake, stranger);
    expect(toStranger).toHaveLength(1);
    expect(toStranger[0]).toMatch(/belum terdaftar/);
    expect(downloads).toHaveLength(10);
    expect(count(app, `SELECT COUNT(*) AS n FROM self_reports`)).toBe(1);
  });

  it('a picture that never comes is waited for until the deadline; one that comes after the report is not added, and the ASN is told once (English)', { timeout: 60_000 }, async () => {
    const { app, fake, wa, clock } = await bot({ LANGUAGE: 'en' }, { albumQuietMs: 100, albumMaxWaitMs: 1_000 });
    const media = await Promise.all(screens(3).map((s) => fake.addMedia(s, 'image', 'image/png')));
    const album = privateAlbumMessages({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'ALB4', at: clock.now, media, captions: ['LAPOR I was tagged in a campaign post on Facebook'] });
    await fake.deliver(album.header);
    await fake.deliver(album.pictures[0]!);
    await fake.deliver(album.pictures[1]!);
    await wa.idle();
    // The header announced three: a quiet gap longer than albumQuietMs does not cut the album.
    await new Promise((r) => setTimeout(r, 400));
    await wa.idle();
    expect(count(app, `SELECT COUNT(*) AS n FROM self_reports`)).toBe(0);
    // At the deadline it is answered with the two that came.
    await vi.waitFor(async () => {
      await wa.idle();
      expect(count(app, `SELECT COUNT(*) AS n FROM self_reports`)).toBe(1);
    }, { timeout: 10_000, interval: 50 });
    expect(count(app, `SELECT COUNT(*) AS n FROM self_report_evidence WHERE kind = 'photo'`)).toBe(2);
    await drainAll(app, clock, 3);
    const no = (app.db.prepare(`SELECT receipt_no FROM self_reports`).get() as { receipt_no: string }).receipt_no;

    // The third picture comes late: not added (the receipt is signed over its evidence), the ASN is told.
    await fake.deliver(album.pictures[2]!);
    await vi.waitFor(async () => {
      await wa.idle();
      await drainAll(app, clock, 1);
      expect(textsTo(fake, ASN1_PN).some((t) => t.includes('arrived after report'))).toBe(true);
    }, { timeout: 10_000, interval: 50 });
    expect(textsTo(fake, ASN1_PN).filter((t) => t.includes('arrived after report'))).toEqual([
      `1 picture(s) arrived after report ${no} was made and were not added to it (its receipt stands). If they matter, send them again with the caption LAPOR as a new report.`,
    ]);
    expect(count(app, `SELECT COUNT(*) AS n FROM self_report_evidence WHERE kind = 'photo'`)).toBe(2);
    expect(count(app, `SELECT COUNT(*) AS n FROM self_reports`)).toBe(1);
    // Delivered again, the late picture is not answered again.
    const sent = fake.sent.length;
    await fake.deliver(album.pictures[2]!, 'append');
    await new Promise((r) => setTimeout(r, 300));
    await wa.idle();
    await drainAll(app, clock, 3);
    expect(fake.sent.length).toBe(sent);
  });

  it('an album with a video: the pictures are kept, the video is not, and the receipt says so in one line (English); the video counts towards the header', { timeout: 60_000 }, async () => {
    const { app, fake, wa, clock, downloads } = await bot({ LANGUAGE: 'en' });
    const shots = screens(2);
    // An mp4 (bytes only: the bot never opens it) sent in the album between the two screenshots.
    const mp4 = Buffer.concat([Buffer.from('\x00\x00\x00\x18ftypmp42', 'latin1'), Buffer.alloc(30_000, 7)]);
    const media = [await fake.addMedia(shots[0]!, 'image', 'image/png'), await fake.addMedia(mp4, 'video', 'video/mp4'), await fake.addMedia(shots[1]!, 'image', 'image/png')];
    const album = privateAlbumMessages({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'ALBV', at: clock.now, media, captions: ['LAPOR I was tagged in a campaign video on TikTok'] });
    // Baileys' header counts both kinds (generateWAMessageContent: expectedImageCount, expectedVideoCount).
    expect(album.header.message?.albumMessage).toMatchObject({ expectedImageCount: 2, expectedVideoCount: 1 });
    expect(album.pictures[1]!.message?.associatedChildMessage?.message?.videoMessage?.mimetype).toBe('video/mp4');
    for (const m of [album.header, ...album.pictures]) await fake.deliver(m);
    // The third message (after the video) completes the album: answered without waiting for the deadline.
    await wa.idle();
    expect(count(app, `SELECT COUNT(*) AS n FROM self_reports`)).toBe(1);
    expect(downloads).toEqual(['ALBV-1', 'ALBV-3']);
    const rep = app.db.prepare(`SELECT id, receipt_no FROM self_reports`).get() as { id: number; receipt_no: string };
    expect(app.db.prepare(`SELECT sha256 FROM self_report_evidence WHERE report_id = ? AND kind IN ('photo','document') ORDER BY id`).pluck().all(rep.id)).toEqual(
      shots.map((x) => createHash('sha256').update(x).digest('hex')),
    );
    await drainAll(app, clock, 5);
    const receipt = textsTo(fake, ASN1_PN).find((t) => t.includes(rep.receipt_no))!;
    expect(receipt.match(/\b[0-9a-f]{64}\b/g)).toHaveLength(2);
    expect(receipt).toContain('Sorry, 1 file was not kept: 1 video (only photos and documents are kept as evidence; send a screenshot of the video).');
    // Humas hears of the video too, to ask for it another way.
    const alert = textsTo(fake, ADMIN_WA).find((t) => t.includes(rep.receipt_no) && t.startsWith('📝'))!;
    expect(alert).toContain('Evidence attached: 2 file(s)');
    expect(alert).toContain('The ASN also sent 1 video the bot did not keep (only photos and documents are kept as evidence); ask for it another way if needed.');
    expect(count(app, `SELECT videos_not_kept AS n FROM self_reports WHERE id = ?`, rep.id)).toBe(1);
  });

  it('a video in an album, in Indonesian: named as not kept', { timeout: 60_000 }, async () => {
    const { app, fake, wa, clock } = await bot();
    const media = [await fake.addMedia(screens(1)[0]!, 'image', 'image/png'), await fake.addMedia(Buffer.alloc(5_000, 1), 'video', 'video/mp4'), await fake.addMedia(Buffer.alloc(6_000, 2), 'video', 'video/mp4')];
    const album = privateAlbumMessages({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'ALBV2', at: clock.now, media, captions: ['LAPOR saya ditandai di video kampanye'] });
    for (const m of [album.header, ...album.pictures]) await fake.deliver(m);
    await wa.idle();
    await drainAll(app, clock, 5);
    const receipt = textsTo(fake, ASN1_PN).find((t) => /JN-\d{4}-\d{6}/.test(t))!;
    expect(receipt).toContain('Mohon maaf, 2 berkas tidak kami simpan: 2 video (bukti yang disimpan hanya foto dan dokumen; kirim tangkapan layar dari videonya).');
    expect(count(app, `SELECT COUNT(*) AS n FROM self_report_evidence WHERE kind = 'photo'`)).toBe(1);
    const alert = textsTo(fake, ADMIN_WA).find((t) => t.startsWith('📝 Laporan mandiri ASN'))!;
    expect(alert).toContain('ASN juga mengirim 2 video yang tidak disimpan bot (bukti yang disimpan hanya foto dan dokumen); mintalah lewat jalur lain bila diperlukan.');
  });

  it('a crafted album naming one header 130 times: 100 gathered and kept pending at most, answered once at its deadline with ten kept and the rest named; counted once by the flood guard', { timeout: 120_000 }, async () => {
    const { app, fake, wa, clock, downloads } = await bot({}, { albumQuietMs: 300, albumMaxWaitMs: 3_000 });
    const shot = screens(1)[0]!;
    const media = [];
    for (let k = 0; k < 130; k++) media.push(await fake.addMedia(shot, 'image', 'image/png'));
    const album = privateAlbumMessages({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'BIG1', at: clock.now, media, captions: ['LAPOR grup "Relawan Maju Bersama"'] });
    for (const m of [album.header, ...album.pictures]) await fake.deliver(m);
    await wa.idle();
    // ALBUM_MAX_ITEMS (src/app/albums.ts): the rest were recorded as events, not gathered or kept.
    expect(count(app, `SELECT COUNT(*) AS n FROM pending_pictures WHERE album_id = 'BIG1'`)).toBe(100);
    expect(count(app, `SELECT COUNT(*) AS n FROM self_reports`)).toBe(0);
    await vi.waitFor(async () => {
      await wa.idle();
      expect(count(app, `SELECT COUNT(*) AS n FROM self_reports`)).toBe(1);
    }, { timeout: 15_000, interval: 100 });
    await wa.idle();
    expect(downloads).toHaveLength(10);
    await drainAll(app, clock, 5);
    const answers = textsTo(fake, ASN1_PN);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toContain('Mohon maaf, 90 berkas tidak kami simpan: 90 melebihi batas 10 berkas per laporan.');
    expect(count(app, `SELECT COUNT(*) AS n FROM inbound_private`)).toBe(1);
    expect(count(app, `SELECT COUNT(*) AS n FROM pending_pictures`)).toBe(0);
  });

  it('an album sent into the guided flow is one evidence step with one answer', { timeout: 60_000 }, async () => {
    const { app, fake, wa, clock } = await bot();
    const { privateMessage } = await import('../../src/platforms/sim/whatsapp-socket.js');
    for (const [id, text] of [['G1', 'LAPOR'], ['G2', '1'], ['G3', '1']] as const) {
      await fake.deliver(privateMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id, text, at: clock.now }));
      await wa.idle();
      await drainAll(app, clock, 2);
    }
    const before = textsTo(fake, ASN1_PN).length;
    const media = await Promise.all(screens(4).map((s) => fake.addMedia(s, 'image', 'image/png')));
    const album = privateAlbumMessages({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'ALB5', at: clock.now, media, captions: [undefined, undefined, 'ini tangkapan layarnya'] });
    for (const m of [album.header, ...album.pictures]) await fake.deliver(m);
    await wa.idle();
    await drainAll(app, clock, 3);
    const answers = textsTo(fake, ASN1_PN).slice(before);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatch(/Diterima: 5/);
    await fake.deliver(privateMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'G4', text: 'lanjut', at: clock.now }));
    await wa.idle();
    await fake.deliver(privateMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'G5', text: 'kirim', at: clock.now }));
    await wa.idle();
    await drainAll(app, clock, 3);
    expect(count(app, `SELECT COUNT(*) AS n FROM self_report_evidence WHERE kind = 'photo'`)).toBe(4);
  });
});

describe('WhatsApp pictures with no LAPOR and no open report', () => {
  it('a registered ASN is told once how to report it (not again within 10 minutes); an album counts as one; a stranger gets the first-contact hint once; nothing is fetched or kept', { timeout: 60_000 }, async () => {
    const { app, fake, wa, clock, downloads } = await bot();
    const pic = async (from: string, alt: string | undefined, id: string) => {
      const media = await fake.addMedia(screens(1)[0]!, 'image', 'image/png');
      await fake.deliver(privateImageMessage({ from, fromAlt: alt, id, at: clock.now, media }));
      await wa.idle();
      await drainAll(app, clock, 1);
    };
    const hint =
      'Kiriman Anda belum kami simpan sebagai laporan. Untuk melaporkannya (misalnya tangkapan layar grup kampanye atau unggahan yang menandai Anda), ' +
      'balas dalam 10 menit: LAPOR <apa yang terjadi>, dan gambar tadi ikut dilaporkan. ' +
      'Lain kali bisa langsung dengan keterangan LAPOR <apa yang terjadi> pada gambarnya; beberapa gambar yang dikirim sekaligus menjadi satu laporan.';
    await pic(ASN1_LID, ASN1_PN, 'P1');
    expect(textsTo(fake, ASN1_PN)).toEqual([hint]);
    // A second picture a minute later: no second hint.
    await pic(ASN1_LID, ASN1_PN, 'P2');
    expect(textsTo(fake, ASN1_PN)).toEqual([hint]);
    // Ten minutes on, an album without a caption: one hint for the whole album.
    clock.now += 10 * 60_000;
    const media = await Promise.all(screens(3).map((s) => fake.addMedia(s, 'image', 'image/png')));
    const album = privateAlbumMessages({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'ALB6', at: clock.now, media });
    for (const m of [album.header, ...album.pictures]) await fake.deliver(m);
    await wa.idle();
    await drainAll(app, clock, 2);
    expect(textsTo(fake, ASN1_PN)).toEqual([hint, hint]);
    expect(app.db.prepare(`SELECT DISTINCT kind, priority FROM outbox WHERE recipient = ?`).all(ASN1_PN)).toEqual([{ kind: 'wa_hint', priority: 2 }]);

    // A stranger who never wrote before: how to register, once; a second picture gets nothing.
    const stranger = '6281399999998@s.whatsapp.net';
    await pic(stranger, undefined, 'S1');
    await pic(stranger, undefined, 'S2');
    expect(textsTo(fake, stranger)).toEqual(['Ini layanan Jaga Netral Pemda. ASN dapat mendaftar dengan mengirim: DAFTAR <NIP>. Ketik /help untuk daftar perintah.']);
    expect(downloads).toEqual([]);
    expect(count(app, `SELECT COUNT(*) AS n FROM self_reports`)).toBe(0);
    expect(count(app, `SELECT COUNT(*) AS n FROM self_report_evidence`)).toBe(0);
  });

  it('pictures first, then LAPOR <what happened> typed within 10 minutes: one report with those pictures (fetched only then); later joins nothing', { timeout: 60_000 }, async () => {
    const { app, fake, wa, clock, downloads } = await bot();
    const { privateMessage } = await import('../../src/platforms/sim/whatsapp-socket.js');
    const shots = screens(3);
    const pic = async (id: string, shot: Buffer) => {
      await fake.deliver(privateImageMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id, at: clock.now, media: await fake.addMedia(shot, 'image', 'image/png') }));
      await wa.idle();
      await drainAll(app, clock, 1);
    };
    await pic('H1', shots[0]!);
    await pic('H2', shots[1]!);
    expect(downloads).toEqual([]);
    await fake.deliver(privateMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'HL', text: 'LAPOR saya dimasukkan ke grup "Relawan Maju Bersama" oleh 0812 3456 7891', at: clock.now }));
    await wa.idle();
    await drainAll(app, clock, 3);
    expect(downloads).toEqual(['H1', 'H2']);
    const rep = app.db.prepare(`SELECT id, receipt_no, group_name FROM self_reports`).get() as { id: number; receipt_no: string; group_name: string };
    expect(rep.group_name).toBe('Relawan Maju Bersama');
    const kept = app.db.prepare(`SELECT sha256 FROM self_report_evidence WHERE report_id = ? AND kind = 'photo' ORDER BY id`).all(rep.id) as { sha256: string }[];
    expect(kept.map((k) => k.sha256)).toEqual(shots.slice(0, 2).map((x) => createHash('sha256').update(x).digest('hex')));
    const receipt = textsTo(fake, ASN1_PN).find((t) => t.includes(rep.receipt_no))!;
    expect(receipt.match(/\b[0-9a-f]{64}\b/g)).toHaveLength(2);

    // A picture, then LAPOR more than 10 minutes later: a report of the text alone; the picture is never fetched.
    await pic('H3', shots[2]!);
    clock.now += 10 * 60_000;
    await fake.deliver(privateMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'HL2', text: 'LAPOR saya ditandai di Facebook', at: clock.now }));
    await wa.idle();
    await drainAll(app, clock, 3);
    expect(count(app, `SELECT COUNT(*) AS n FROM self_reports`)).toBe(2);
    expect(count(app, `SELECT COUNT(*) AS n FROM self_report_evidence WHERE kind = 'photo'`)).toBe(2);
    expect(downloads).toEqual(['H1', 'H2']);
  });

  it('pictures first, then LAPOR alone: the guided flow starts with them as evidence; pictures sent at a question are kept too (one captioned with the answer moves on); one report with all of them', { timeout: 60_000 }, async () => {
    const { app, fake, wa, clock, downloads } = await bot();
    const { privateMessage } = await import('../../src/platforms/sim/whatsapp-socket.js');
    const shots = screens(4);
    const pic = async (id: string, shot: Buffer, caption?: string) => {
      await fake.deliver(privateImageMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id, at: clock.now, media: await fake.addMedia(shot, 'image', 'image/png'), ...(caption ? { caption } : {}) }));
      await wa.idle();
      await drainAll(app, clock, 1);
    };
    const say = async (id: string, text: string) => {
      await fake.deliver(privateMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id, text, at: clock.now }));
      await wa.idle();
      await drainAll(app, clock, 2);
      return textsTo(fake, ASN1_PN).at(-1)!;
    };
    await pic('Q1', shots[0]!);
    await pic('Q2', shots[1]!);
    expect(downloads).toEqual([]);
    // LAPOR alone: the two pictures are fetched and held by the flow from its first question.
    expect(await say('QL', 'LAPOR')).toMatch(/^2 gambar yang baru Anda kirim ikut menjadi bukti laporan ini\.\n\nLaporan mandiri \(1\/4\)/);
    expect(downloads).toEqual(['Q1', 'Q2']);
    expect(count(app, `SELECT COUNT(*) AS n FROM pending_pictures`)).toBe(0);
    // A third screenshot at the first question: kept, and the question comes again.
    await pic('Q3', shots[2]!);
    expect(textsTo(fake, ASN1_PN).at(-1)).toMatch(/^Bukti diterima dan disimpan untuk laporan ini \(3 berkas sejauh ini\)\. Silakan jawab dulu pertanyaan ini\.\n\nLaporan mandiri \(1\/4\)/);
    // A fourth with the answer as its caption: kept, and the answer taken.
    await pic('Q4', shots[3]!, '1');
    expect(textsTo(fake, ASN1_PN).at(-1)).toMatch(/^Laporan mandiri \(2\/4\)/);
    expect(await say('QB', '1')).toMatch(/Diterima: 4\./);
    expect(await say('QC', 'Saya dimasukkan ke grup "Relawan Maju Bersama"')).toMatch(/Diterima: 5\./);
    expect(await say('QD', 'lanjut')).toMatch(/Berkas bukti: 4/);
    expect(await say('QE', 'kirim')).toMatch(/JN-\d{4}-000001/);
    const rep = app.db.prepare(`SELECT id, category, place FROM self_reports`).get() as { id: number; category: string; place: string };
    expect(rep).toMatchObject({ category: 'added', place: 'whatsapp' });
    expect(app.db.prepare(`SELECT sha256 FROM self_report_evidence WHERE report_id = ? AND kind = 'photo' ORDER BY id`).pluck().all(rep.id)).toEqual(
      shots.map((x) => createHash('sha256').update(x).digest('hex')),
    );
    expect(count(app, `SELECT COUNT(*) AS n FROM self_reports`)).toBe(1);
  });

  it('a picture first, then an album with a LAPOR caption: one report with the picture first, then the album\'s', { timeout: 60_000 }, async () => {
    const { app, fake, wa, clock, downloads } = await bot();
    const shots = screens(3);
    await fake.deliver(privateImageMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'C1', at: clock.now, media: await fake.addMedia(shots[0]!, 'image', 'image/png') }));
    await wa.idle();
    await drainAll(app, clock, 1);
    const media = await Promise.all(shots.slice(1).map((x) => fake.addMedia(x, 'image', 'image/png')));
    const album = privateAlbumMessages({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'ALBC', at: clock.now, media, captions: ['LAPOR saya dimasukkan ke grup-grup ini'] });
    for (const m of [album.header, ...album.pictures]) await fake.deliver(m);
    await wa.idle();
    await drainAll(app, clock, 3);
    expect(downloads).toEqual(['C1', 'ALBC-1', 'ALBC-2']);
    const rep = app.db.prepare(`SELECT id, receipt_no FROM self_reports`).get() as { id: number; receipt_no: string };
    expect(app.db.prepare(`SELECT sha256 FROM self_report_evidence WHERE report_id = ? AND kind = 'photo' ORDER BY id`).pluck().all(rep.id)).toEqual(
      shots.map((x) => createHash('sha256').update(x).digest('hex')),
    );
    expect(count(app, `SELECT COUNT(*) AS n FROM pending_pictures`)).toBe(0);
    expect(textsTo(fake, ASN1_PN).filter((t) => t.includes(rep.receipt_no))).toHaveLength(1);
  });

  it('in English', { timeout: 30_000 }, async () => {
    const { fake, wa, app, clock } = await bot({ LANGUAGE: 'en' });
    const media = await fake.addMedia(screens(1)[0]!, 'image', 'image/png');
    await fake.deliver(privateImageMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'E1', caption: 'look at this group', at: clock.now, media }));
    await wa.idle();
    await drainAll(app, clock, 1);
    expect(textsTo(fake, ASN1_PN)).toEqual([
      'What you sent has not been kept as a report. To report it (a screenshot of a campaign group, or of a post tagging you), reply within 10 minutes: LAPOR <what happened>, and those pictures are reported with it. Next time you can give the pictures the caption LAPOR <what happened> directly; several pictures sent at once make one report.',
    ]);
  });
});

/**
 * A video with no LAPOR and no open report. A phone sends a video as proto.Message.videoMessage, a round video as
 * ptvMessage (both proto.Message.IVideoMessage, node_modules/@whiskeysockets/baileys/WAProto/index.d.ts; Baileys'
 * generateWAMessageContent, lib/Utils/messages.js, builds `{ video }` and `{ video, ptv: true }` so), each its own
 * stanza and `messages.upsert` (lib/Socket/messages-recv.js, handleMessage -> upsertMessage). The bot never fetches a
 * video (README, Self-reports), so the picture hint ("reply LAPOR within 10 minutes and they are reported") would be
 * wrong: a registered ASN is told videos are not kept and what to send instead.
 */
describe('WhatsApp videos with no LAPOR and no open report', () => {
  const mp4 = (fill: number) => Buffer.concat([Buffer.from('\x00\x00\x00\x18ftypmp42', 'latin1'), Buffer.alloc(20_000, fill)]);
  const videoHintId =
    'Video tidak kami simpan sebagai bukti: video dari ponsel biasanya melebihi batas 10 MB, dan Humas perlu bukti yang langsung bisa dibuka. ' +
    'Untuk melaporkan, kirim tangkapan layar (foto) dari bagian videonya yang penting dengan keterangan LAPOR <apa yang terjadi>, ' +
    'atau kirim LAPOR <apa yang terjadi> beserta tautan ke unggahannya.';

  it('a registered ASN\'s lone video, or an album of videos only, is answered that videos are not kept and what to send instead (not again within 10 minutes, as the picture hint); nothing fetched, held or reported; a stranger\'s video gets nothing, as before', { timeout: 90_000 }, async () => {
    const { app, fake, wa, clock, downloads } = await bot();
    const video = async (from: string, alt: string | undefined, id: string, o: { caption?: string; ptv?: boolean } = {}) => {
      const media = await fake.addMedia(mp4(id.length), 'video', 'video/mp4');
      const m = privateVideoMessage({ from, fromAlt: alt, id, at: clock.now, media, ...o });
      expect(m.message?.[o.ptv ? 'ptvMessage' : 'videoMessage']?.mimetype).toBe('video/mp4');
      await fake.deliver(m);
      await wa.idle();
      await drainAll(app, clock, 1);
    };
    // A lone video whose caption is no LAPOR.
    await video(ASN1_LID, ASN1_PN, 'V1', { caption: 'lihat ini pak' });
    expect(textsTo(fake, ASN1_PN)).toEqual([videoHintId]);
    // A second video with no caption, and a round video, a minute apart: no second answer within 10 minutes.
    await video(ASN1_LID, ASN1_PN, 'V2');
    await video(ASN1_LID, ASN1_PN, 'V3', { ptv: true });
    expect(textsTo(fake, ASN1_PN)).toEqual([videoHintId]);
    // A picture meanwhile still gets the picture hint (its own allowance): the two say different things.
    await fake.deliver(privateImageMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'P1', at: clock.now, media: await fake.addMedia(screens(1)[0]!, 'image', 'image/png') }));
    await wa.idle();
    await drainAll(app, clock, 1);
    expect(textsTo(fake, ASN1_PN)).toHaveLength(2);
    expect(textsTo(fake, ASN1_PN)[1]).toMatch(/^Kiriman Anda belum kami simpan sebagai laporan/);
    // Ten minutes on, an album of two videos with no caption (header expectedVideoCount 2): one answer for the album.
    clock.now += 10 * 60_000;
    const album = privateAlbumMessages({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'ALBVV', at: clock.now, media: [await fake.addMedia(mp4(1), 'video', 'video/mp4'), await fake.addMedia(mp4(2), 'video', 'video/mp4')] });
    expect(album.header.message?.albumMessage).toMatchObject({ expectedImageCount: 0, expectedVideoCount: 2 });
    for (const m of [album.header, ...album.pictures]) await fake.deliver(m);
    await wa.idle();
    await drainAll(app, clock, 2);
    expect(textsTo(fake, ASN1_PN)).toHaveLength(3);
    expect(textsTo(fake, ASN1_PN)[2]).toBe(videoHintId);
    expect(app.db.prepare(`SELECT kind, priority FROM outbox WHERE recipient = ? ORDER BY id`).all(ASN1_PN)).toEqual([
      { kind: 'wa_video_hint', priority: 2 },
      { kind: 'wa_hint', priority: 2 },
      { kind: 'wa_video_hint', priority: 2 },
    ]);
    // Only the picture is held for a LAPOR typed after it; no video is.
    expect(app.db.prepare(`SELECT message_id FROM pending_pictures WHERE state = 'held'`).pluck().all()).toEqual(['P1']);

    // A stranger's video with no caption: no answer (it is not even their first contact: their first text still gets
    // the first-contact hint); a video with a caption after that: no answer either, as before.
    const stranger = '6281399999998@s.whatsapp.net';
    await video(stranger, undefined, 'S1');
    expect(textsTo(fake, stranger)).toEqual([]);
    await fake.deliver(privateMessage({ from: stranger, id: 'S2', text: 'halo', at: clock.now }));
    await wa.idle();
    await drainAll(app, clock, 1);
    const register = 'Ini layanan Jaga Netral Pemda. ASN dapat mendaftar dengan mengirim: DAFTAR <NIP>. Ketik /help untuk daftar perintah.';
    expect(textsTo(fake, stranger)).toEqual([register]);
    await video(stranger, undefined, 'S3', { caption: 'ini videonya' });
    expect(textsTo(fake, stranger)).toEqual([register]);
    expect(downloads).toEqual([]);
    expect(count(app, `SELECT COUNT(*) AS n FROM self_reports`)).toBe(0);
    expect(count(app, `SELECT COUNT(*) AS n FROM self_report_evidence`)).toBe(0);
  });

  it('a video with no caption while a guided report is open: a step of the report (the video named as not kept, the question again), not the video answer; nothing fetched', { timeout: 60_000 }, async () => {
    const { app, fake, wa, clock, downloads } = await bot();
    await fake.deliver(privateMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'F1', text: 'LAPOR', at: clock.now }));
    await wa.idle();
    await fake.deliver(privateVideoMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'F2', at: clock.now, media: await fake.addMedia(mp4(5), 'video', 'video/mp4') }));
    await wa.idle();
    await drainAll(app, clock, 3);
    const answers = textsTo(fake, ASN1_PN);
    expect(answers).toHaveLength(2);
    expect(answers[1]).toContain('Mohon maaf, 1 berkas tidak kami simpan: 1 video (bukti yang disimpan hanya foto dan dokumen; kirim tangkapan layar dari videonya).');
    expect(answers[1]).not.toContain('Video tidak kami simpan sebagai bukti');
    expect(app.db.prepare(`SELECT step FROM report_flows`).get()).toEqual({ step: 'what' });
    expect(downloads).toEqual([]);
  });

  it('in English', { timeout: 60_000 }, async () => {
    const { app, fake, wa, clock, downloads } = await bot({ LANGUAGE: 'en' });
    await fake.deliver(privateVideoMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'VE1', at: clock.now, media: await fake.addMedia(mp4(3), 'video', 'video/mp4') }));
    await wa.idle();
    await drainAll(app, clock, 1);
    expect(textsTo(fake, ASN1_PN)).toEqual([
      'Videos are not kept as evidence: a phone video is usually over the 10 MB limit, and Humas needs evidence it can open at once. ' +
        'To report it, send a screenshot (photo) of the part of the video that matters with the caption LAPOR <what happened>, ' +
        'or send LAPOR <what happened> with a link to the post.',
    ]);
    expect(downloads).toEqual([]);
  });

  it('a video with a LAPOR caption: unchanged, the report is made and the video named as not kept, to the ASN and to Humas; nothing fetched', { timeout: 60_000 }, async () => {
    const { app, fake, wa, clock, downloads } = await bot();
    const media = await fake.addMedia(mp4(4), 'video', 'video/mp4');
    await fake.deliver(privateVideoMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'VL1', at: clock.now, media, caption: 'LAPOR saya ditandai di video kampanye di TikTok' }));
    await wa.idle();
    await drainAll(app, clock, 5);
    const rep = app.db.prepare(`SELECT receipt_no, videos_not_kept FROM self_reports`).get() as { receipt_no: string; videos_not_kept: number };
    expect(rep.videos_not_kept).toBe(1);
    const answers = textsTo(fake, ASN1_PN);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toContain(rep.receipt_no);
    expect(answers[0]).toContain('Mohon maaf, 1 berkas tidak kami simpan: 1 video (bukti yang disimpan hanya foto dan dokumen; kirim tangkapan layar dari videonya).');
    expect(answers[0]).not.toContain('Video tidak kami simpan sebagai bukti');
    const alert = textsTo(fake, ADMIN_WA).find((t) => t.includes(rep.receipt_no) && t.startsWith('📝'))!;
    expect(alert).toContain('ASN juga mengirim 1 video yang tidak disimpan bot (bukti yang disimpan hanya foto dan dokumen); mintalah lewat jalur lain bila diperlukan.');
    expect(downloads).toEqual([]);
    expect(count(app, `SELECT COUNT(*) AS n FROM self_report_evidence`)).toBe(0);
  });
});
