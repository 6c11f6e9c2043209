/**
 * WhatsApp albums and held pictures survive a restart (store/pending-pictures.ts), through Baileys' own message
 * shapes and event path (the fake socket: proto.WebMessageInfo through makeEventBuffer and processMessage, media
 * encrypted with encryptedStream and fetched with downloadEncryptedContent, lib/Utils/messages-media.js).
 *
 * What the bot keeps of each picture is what Baileys' downloadMediaMessage needs to fetch it again (lib/Utils/
 * messages.js: extractMessageContent, then the media's `url` / `directPath` and `mediaKey`, with `reuploadRequest`
 * for an expired URL): the message as proto.WebMessageInfo JSON. The event log keeps only its text.
 *
 * A crash is a copy of the database taken mid-album with SQLite's online backup (what is committed at that moment is
 * what a kill -9 leaves); a deploy is a stop and a start on the same file. Either way the next App, on a new socket
 * to the same media host, finishes what was pending.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderChatScreen } from '../../src/bench/ocr-screens.js';
import { FakeWASocket, privateAlbumMessages, privateImageMessage, privateMessage } from '../../src/platforms/sim/whatsapp-socket.js';
import { runRetentionJob } from '../../src/app/scheduler.js';
import { ADMIN_WA, ASN1_LID, ASN1_PN, drainAll, fakeClock, makeApp, startBot, type Clock } from '../fixtures/whatsapp/setup.js';

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

const ADAPTER = { albumQuietMs: 200, albumMaxWaitMs: 3_000 };

function tmpDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jn-wa-restart-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'jaga-netral.db');
}

/** A bot on a database file; `fake` is a new socket, as after a restart (the media host is the first socket's). */
async function botOn(path: string, clock: Clock, seed: boolean, extra: Record<string, string> = {}) {
  const app = makeApp(clock, { DATABASE_PATH: path, OCR_TESSERACT: 'off', ...extra }, seed);
  const fake = new FakeWASocket({ now: clock });
  const b = await startBot(clock, { app, socks: [fake], adapter: ADAPTER });
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await b.wa.stop();
    await b.app.close();
  };
  cleanups.push(stop);
  const downloads: string[] = [];
  const orig = fake.downloadMedia.bind(fake);
  fake.downloadMedia = async (m) => {
    downloads.push(m.key.id ?? '');
    return orig(m);
  };
  return { ...b, stop, downloads };
}

const textsTo = (fake: FakeWASocket, jid: string): string[] =>
  fake.sent.filter((s) => s.jid === jid && typeof s.content['text'] === 'string').map((s) => s.content['text'] as string);
const n = (app: { db: { prepare(sql: string): { pluck(): { get(...a: unknown[]): unknown } } } }, sql: string, ...args: unknown[]): number =>
  app.db.prepare(sql).pluck().get(...args) as number;

const screens = (k: number): Buffer[] =>
  Array.from({ length: k }, (_, i) => renderChatScreen({ style: 'whatsapp', groupName: `Grup Bukti ${i + 1}`, members: 10 + i, bubbles: [{ from: 'Admin', text: `Pesan ${i + 1}` }], width: 360 }));
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

describe('WhatsApp self-reports across a restart', () => {
  it('a crash mid-album: after the restart the album gets its one report, one receipt and one Humas alert; delivered again, nothing new', { timeout: 90_000 }, async () => {
    const clock = fakeClock();
    const first = await botOn(tmpDb(), clock, true);
    const shots = screens(3);
    const media = await Promise.all(shots.map((s) => first.fake.addMedia(s, 'image', 'image/png')));
    const album = privateAlbumMessages({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'RA1', at: clock.now, media, captions: ['LAPOR Saya dimasukkan ke grup "Relawan Maju Bersama" oleh 0812 3456 7891'] });
    // The header announced three; two came before the crash.
    for (const m of [album.header, album.pictures[0]!, album.pictures[1]!]) await first.fake.deliver(m);
    await first.wa.idle();
    expect(n(first.app, `SELECT COUNT(*) FROM self_reports`)).toBe(0);
    expect(n(first.app, `SELECT COUNT(*) FROM pending_pictures WHERE state = 'album'`)).toBe(2);
    // What a kill -9 leaves: every committed transaction, nothing in memory.
    const crashed = join(tmpDb(), '..', 'crashed.db');
    await first.app.db.backup(crashed);
    await first.stop();

    // Five minutes later (the gathering window long passed) the bot starts again on that database.
    clock.now += 5 * 60_000;
    const second = await botOn(crashed, clock, false);
    await vi.waitFor(async () => {
      await second.wa.idle();
      expect(n(second.app, `SELECT COUNT(*) FROM self_reports`)).toBe(1);
    }, { timeout: 10_000, interval: 50 });
    await drainAll(second.app, clock, 10);
    const rep = second.app.db.prepare(`SELECT id, receipt_no, source_key, group_name FROM self_reports`).get() as { id: number; receipt_no: string; source_key: string; group_name: string };
    expect(rep).toMatchObject({ source_key: `wa:${ASN1_LID}:album:RA1`, group_name: 'Relawan Maju Bersama' });
    // The pictures were fetched again through the new socket from what the database kept (mediaKey, url).
    expect(second.downloads).toEqual(['RA1-1', 'RA1-2']);
    const kept = second.app.db.prepare(`SELECT sha256 FROM self_report_evidence WHERE report_id = ? AND kind = 'photo' ORDER BY id`).pluck().all(rep.id);
    expect(kept).toEqual(shots.slice(0, 2).map(sha));
    const receipts = textsTo(second.fake, ASN1_PN).filter((t) => t.includes(rep.receipt_no));
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.match(/\b[0-9a-f]{64}\b/g)).toEqual(shots.slice(0, 2).map(sha));
    expect(n(second.app, `SELECT COUNT(*) FROM outbox WHERE dedupe_key = ? AND kind = 'selfreport_receipt' AND status = 'sent'`, `wa:reply:${ASN1_LID}:album:RA1`)).toBe(1);
    const alert = textsTo(second.fake, ADMIN_WA).filter((t) => t.startsWith('📝 Laporan mandiri ASN'));
    expect(alert).toHaveLength(1);
    expect(alert[0]).toContain(rep.receipt_no);
    expect(alert[0]).toContain('Bukti terlampir: 2 berkas');
    expect(n(second.app, `SELECT COUNT(*) FROM pending_pictures`)).toBe(0);
    expect(n(second.app, `SELECT COUNT(*) FROM wa_album_headers`)).toBe(0);

    // WhatsApp delivers what it had delivered before again (the reconnect's offline backlog): no second report, no answer.
    const sent = second.fake.sent.length;
    for (const m of [album.header, album.pictures[0]!, album.pictures[1]!]) await second.fake.deliver(m, 'append');
    await new Promise((r) => setTimeout(r, 400));
    await second.wa.idle();
    await drainAll(second.app, clock, 5);
    expect(n(second.app, `SELECT COUNT(*) FROM self_reports`)).toBe(1);
    expect(second.fake.sent.length).toBe(sent);
    expect(second.downloads).toHaveLength(2);
    // And a third start finds nothing left to finish.
    const path = second.app.config.DATABASE_PATH;
    await second.stop();
    const third = await botOn(path, clock, false);
    await new Promise((r) => setTimeout(r, 400));
    await third.wa.idle();
    await drainAll(third.app, clock, 3);
    expect(third.fake.sent).toEqual([]);
    expect(n(third.app, `SELECT COUNT(*) FROM self_reports`)).toBe(1);
  });

  it('a deploy mid-album: the stop answers nothing, the picture the phone sends meanwhile completes the album after the start: one report with all three', { timeout: 90_000 }, async () => {
    const clock = fakeClock();
    const path = tmpDb();
    const first = await botOn(path, clock, true);
    const shots = screens(3);
    const media = await Promise.all(shots.map((s) => first.fake.addMedia(s, 'image', 'image/png')));
    const album = privateAlbumMessages({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'RA2', at: clock.now, media, captions: [undefined, 'LAPOR saya ditandai di Instagram oleh akun relawan'] });
    for (const m of [album.header, album.pictures[0]!]) await first.fake.deliver(m);
    await first.wa.idle();
    await first.stop();
    expect(first.fake.sent).toEqual([]);

    clock.now += 2_000;
    const second = await botOn(path, clock, false);
    // The rest arrive after the reconnect; the header's count (kept) completes the album with the third.
    await second.fake.deliver(album.pictures[1]!);
    await second.wa.idle();
    expect(n(second.app, `SELECT COUNT(*) FROM self_reports`)).toBe(0);
    await second.fake.deliver(album.pictures[2]!);
    await vi.waitFor(async () => {
      await second.wa.idle();
      expect(n(second.app, `SELECT COUNT(*) FROM self_reports`)).toBe(1);
    }, { timeout: 10_000, interval: 50 });
    await drainAll(second.app, clock, 10);
    const rep = second.app.db.prepare(`SELECT id, receipt_no, place FROM self_reports`).get() as { id: number; receipt_no: string; place: string };
    expect(rep.place).toBe('instagram');
    expect(second.app.db.prepare(`SELECT sha256 FROM self_report_evidence WHERE report_id = ? AND kind = 'photo' ORDER BY id`).pluck().all(rep.id)).toEqual(shots.map(sha));
    expect(textsTo(second.fake, ASN1_PN).filter((t) => t.includes(rep.receipt_no))).toHaveLength(1);
    expect(textsTo(second.fake, ADMIN_WA).filter((t) => t.startsWith('📝 Laporan mandiri ASN') && t.includes('Bukti terlampir: 3 berkas'))).toHaveLength(1);
  });

  it('pictures held for a LAPOR survive a restart within their 10 minutes and join it; past them they are dropped', { timeout: 90_000 }, async () => {
    const clock = fakeClock();
    const path = tmpDb();
    const first = await botOn(path, clock, true);
    const shots = screens(2);
    await first.fake.deliver(privateImageMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'HR1', at: clock.now, media: await first.fake.addMedia(shots[0]!, 'image', 'image/png') }));
    await first.wa.idle();
    await drainAll(first.app, clock, 1);
    // The hint went; nothing was fetched; the picture waits in the database.
    expect(textsTo(first.fake, ASN1_PN)).toHaveLength(1);
    expect(first.downloads).toEqual([]);
    expect(n(first.app, `SELECT COUNT(*) FROM pending_pictures WHERE state = 'held'`)).toBe(1);
    await first.stop();

    clock.now += 3 * 60_000;
    const second = await botOn(path, clock, false);
    await second.fake.deliver(privateMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'HRL', text: 'LAPOR saya dimasukkan ke grup "Sahabat Paslon Dua"', at: clock.now }));
    await second.wa.idle();
    await drainAll(second.app, clock, 3);
    expect(second.downloads).toEqual(['HR1']);
    const rep = second.app.db.prepare(`SELECT id, receipt_no FROM self_reports`).get() as { id: number; receipt_no: string };
    expect(second.app.db.prepare(`SELECT sha256 FROM self_report_evidence WHERE report_id = ? AND kind = 'photo'`).pluck().all(rep.id)).toEqual([sha(shots[0]!)]);
    expect(n(second.app, `SELECT COUNT(*) FROM pending_pictures`)).toBe(0);

    // A picture held, then a restart eleven minutes later: the start drops it, and a LAPOR reports the text alone.
    await second.fake.deliver(privateImageMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'HR2', at: clock.now, media: await second.fake.addMedia(shots[1]!, 'image', 'image/png') }));
    await second.wa.idle();
    expect(n(second.app, `SELECT COUNT(*) FROM pending_pictures WHERE state = 'held'`)).toBe(1);
    await second.stop();
    clock.now += 11 * 60_000;
    const third = await botOn(path, clock, false);
    expect(n(third.app, `SELECT COUNT(*) FROM pending_pictures`)).toBe(0);
    await third.fake.deliver(privateMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'HRL2', text: 'LAPOR saya ditandai di Facebook', at: clock.now }));
    await third.wa.idle();
    await drainAll(third.app, clock, 3);
    expect(n(third.app, `SELECT COUNT(*) FROM self_reports`)).toBe(2);
    expect(third.downloads).toEqual([]);
    expect(n(third.app, `SELECT COUNT(*) FROM self_report_evidence WHERE kind = 'photo'`)).toBe(1);
  });

  it('the bot never connects again: the retention job drops held pictures past their 10 minutes and albums unanswered for a week (media keys and URLs with them), and says so in the audit log', { timeout: 90_000 }, async () => {
    const clock = fakeClock();
    const path = tmpDb();
    const first = await botOn(path, clock, true);
    const shots = screens(3);
    await first.fake.deliver(privateImageMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'RT1', at: clock.now, media: await first.fake.addMedia(shots[0]!, 'image', 'image/png') }));
    const album = privateAlbumMessages({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'RT2', at: clock.now, media: await Promise.all(shots.slice(1).map((s) => first.fake.addMedia(s, 'image', 'image/png'))), captions: ['LAPOR grup "Relawan Maju Bersama"'] });
    // The header announced two; one came before the bot stopped.
    for (const m of [album.header, album.pictures[0]!]) await first.fake.deliver(m);
    await first.wa.idle();
    expect(n(first.app, `SELECT COUNT(*) FROM pending_pictures WHERE state = 'held'`)).toBe(1);
    expect(n(first.app, `SELECT COUNT(*) FROM pending_pictures WHERE state = 'album'`)).toBe(1);
    expect(n(first.app, `SELECT COUNT(*) FROM wa_album_headers`)).toBe(1);
    await first.stop();

    // The bot runs on without WhatsApp (unlinked): only the scheduler's jobs touch these rows.
    const app = makeApp(clock, { DATABASE_PATH: path, OCR_TESSERACT: 'off' }, false);
    cleanups.push(() => app.close());
    const audits = (): { actor: string; action: string; result: string }[] => app.db.prepare(`SELECT actor, action, result FROM audit WHERE action = 'retention' ORDER BY id`).all() as never;
    // Five minutes on: everything can still be finished, nothing goes.
    clock.now += 5 * 60_000;
    expect(runRetentionJob(app, clock.now).pending).toEqual({ held: 0, albumPictures: 0, headers: 0, done: 0 });
    expect(audits()).toEqual([]);
    // Eleven minutes on: the held picture's LAPOR window passed; the album would still be answered at a reconnect.
    clock.now += 6 * 60_000;
    expect(runRetentionJob(app, clock.now).pending).toEqual({ held: 1, albumPictures: 0, headers: 0, done: 0 });
    expect(n(app, `SELECT COUNT(*) FROM pending_pictures WHERE state = 'held'`)).toBe(0);
    expect(n(app, `SELECT COUNT(*) FROM pending_pictures WHERE state = 'album'`)).toBe(1);
    expect(audits()).toEqual([{ actor: 'system', action: 'retention', result: 'pending pictures dropped: 1 held, 0 of unanswered albums, 0 album headers, 0 of answered albums' }]);
    // Six days on, still kept; past a week the album and its header go.
    clock.now += 6 * 86_400_000;
    expect(runRetentionJob(app, clock.now).pending.albumPictures).toBe(0);
    clock.now += 86_400_000;
    expect(runRetentionJob(app, clock.now).pending).toEqual({ held: 0, albumPictures: 1, headers: 1, done: 0 });
    expect(n(app, `SELECT COUNT(*) FROM pending_pictures`)).toBe(0);
    expect(n(app, `SELECT COUNT(*) FROM wa_album_headers`)).toBe(0);
    expect(audits().map((a) => a.result)).toEqual([
      'pending pictures dropped: 1 held, 0 of unanswered albums, 0 album headers, 0 of answered albums',
      'pending pictures dropped: 0 held, 1 of unanswered albums, 1 album headers, 0 of answered albums',
    ]);
    // Nothing left: the next pass writes no audit row.
    runRetentionJob(app, clock.now + 86_400_000);
    expect(audits()).toHaveLength(2);
    // The audit rows are chained like any other (store/chain.ts).
    expect(n(app, `SELECT COUNT(*) FROM audit WHERE action = 'retention' AND row_digest IS NOT NULL`)).toBe(2);
  });
});
