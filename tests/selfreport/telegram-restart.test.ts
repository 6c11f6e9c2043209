/**
 * Telegram albums survive a restart (store/pending-pictures.ts), through telegraf over HTTP to the loopback Bot API
 * (src/platforms/sim/telegram-server.ts).
 *
 * Why they must be kept: telegraf hands each update of a getUpdates batch to the bot and asks for the next batch with
 * `offset: last.update_id + 1` as soon as the handlers return (node_modules/telegraf/lib/core/network/polling.js,
 * `[Symbol.asyncIterator]` and `loop`), and a stop confirms that offset too (`syncUpdateOffset`). An album message
 * returns at once (the bot waits for the album's other messages), so Telegram forgets it long before the album is
 * answered: the message is in the event log, and only what the bot kept can answer it. What it keeps is the Bot API
 * Message: the photo's file_id (getFile takes it again after the restart) and the caption.
 *
 * A crash is a copy of the database taken mid-album with SQLite's online backup (what is committed at that moment is
 * what a kill -9 leaves); a deploy is a stop and a start on the same file. Either way a second App and adapter, on the
 * same simulator (Telegram's servers stay up), finishes the album.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/app.js';
import { runRetentionJob } from '../../src/app/scheduler.js';
import { renderChatScreen } from '../../src/bench/ocr-screens.js';
import { loadConfig } from '../../src/config.js';
import { TelegramSimServer } from '../../src/platforms/sim/telegram-server.js';
import { albumMessages } from '../../src/platforms/sim/telegram-updates.js';
import { TelegramAdapter } from '../../src/platforms/telegram/adapter.js';
import { TelegramSendPolicy } from '../../src/platforms/telegram/policy.js';
import { ASN, asn, dm, HUMAS } from '../support/self-report.js';

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

function tmpDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jn-tg-restart-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'jaga-netral.db');
}

async function simulator(): Promise<TelegramSimServer> {
  const sim = await TelegramSimServer.start({ canReadAllGroupMessages: true });
  for (const u of [ASN, HUMAS]) {
    sim.addUser(u);
    sim.startedBot(u.id);
  }
  cleanups.push(() => sim.close());
  return sim;
}

/** An App and its Telegram adapter on a database file, polling the simulator. */
async function botOn(sim: TelegramSimServer, path: string, seed: boolean, extra: Record<string, string> = {}, albumQuietMs = 3_000) {
  const config = loadConfig({
    envFile: false,
    env: {},
    overrides: {
      DATABASE_PATH: path, HUMAS_ADMINS: `tg:${HUMAS.id}`, TELEGRAM_BOT_TOKEN: sim.token, TELEGRAM_API_ROOT: sim.apiRoot,
      PASLON_FILE: 'data/paslon.sumsel2024.json', QUIET_HOURS: 'off', OCR_TESSERACT: 'off', ...extra,
    },
  });
  const app = new App({ config });
  if (seed) app.registry.upsertMany(asn, Date.now());
  // A quiet gap long enough for a loaded machine: the album's messages are pushed at once anyway.
  const adapter = new TelegramAdapter({ app, scanIntervalMs: 5, restartDelayMs: 100, albumQuietMs, policy: new TelegramSendPolicy({ perChatGapMs: 1 }) });
  await adapter.start();
  app.dispatcher.start();
  await sim.waitForPoll(5_000);
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await adapter.stop();
    await app.close();
  };
  cleanups.push(stop);
  return { app, adapter, stop };
}

const screens = (k: number): Buffer[] =>
  Array.from({ length: k }, (_, i) => renderChatScreen({ style: 'telegram', groupName: `Grup Bukti ${i + 1}`, members: 10 + i, bubbles: [{ from: 'Admin', text: `Pesan ${i + 1}` }], width: 360 }));
const n = (app: App, sql: string, ...args: unknown[]): number => app.db.prepare(sql).pluck().get(...args) as number;

describe('Telegram self-reports across a restart', () => {
  it('a crash mid-album: after the restart the album (with its message Telegram had not delivered yet) gets one report, one receipt and one Humas alert; the same updates again change nothing', { timeout: 90_000 }, async () => {
    const sim = await simulator();
    // The first bot would wait long for the rest of the album (it is stopped before its 10 s deadline).
    const first = await botOn(sim, tmpDb(), true, {}, 60_000);
    const photos = await Promise.all(screens(3).map((s) => sim.addPhoto(s)));
    const album = albumMessages(dm, ASN, photos, '/lapor Saya dimasukkan ke grup WhatsApp "Relawan Maju Bersama" oleh 0812 3456 7890', { mediaGroupId: 'TGALBUM1' });
    // Two of the three messages reach the bot; it keeps them as they come, and telegraf confirms them.
    const ids = [sim.pushUpdate(album[0]!), sim.pushUpdate(album[1]!)];
    await vi.waitFor(() => expect(n(first.app, `SELECT COUNT(*) FROM pending_pictures WHERE platform = 'telegram' AND state = 'album'`)).toBe(2), { timeout: 10_000, interval: 20 });
    await vi.waitFor(() => expect(sim.pendingUpdates()).toBe(0), { timeout: 10_000, interval: 20 });
    const kept = first.app.db.prepare(`SELECT chat_id, message_id, sender, album_id, event_id FROM pending_pictures ORDER BY rowid`).all() as { message_id: string; event_id: number | null }[];
    expect(kept.map((k) => k.message_id)).toEqual(album.slice(0, 2).map((u) => String((u['message'] as { message_id: number }).message_id)));
    // The captioned message has its event row; a photo with no caption leaves none (platforms/telegram/normalize.ts, textEvent).
    expect(kept.map((k) => k.event_id !== null)).toEqual([true, false]);
    expect(n(first.app, `SELECT COUNT(*) FROM self_reports`)).toBe(0);
    // What a kill -9 leaves: every committed transaction, nothing in memory.
    const crashed = join(tmpDb(), '..', 'crashed.db');
    await first.app.db.backup(crashed);
    await first.stop();
    expect(sim.sent.filter((m) => m.chat_id === ASN.id || m.chat_id === HUMAS.id)).toHaveLength(0);

    // The third message was still on its way: Telegram gives it to the next getUpdates.
    ids.push(sim.pushUpdate(album[2]!));
    const second = await botOn(sim, crashed, false);
    await sim.waitFor((s) => s.some((m) => m.chat_id === ASN.id && m.method === 'sendDocument') && s.some((m) => m.chat_id === HUMAS.id && m.method === 'sendDocument'), 30_000);
    const rep = second.app.db.prepare(`SELECT id, receipt_no, source_key, group_name FROM self_reports`).get() as { id: number; receipt_no: string; source_key: string; group_name: string };
    expect(rep).toMatchObject({ source_key: `tg:${ASN.id}:album:TGALBUM1`, group_name: 'Relawan Maju Bersama' });
    expect(n(second.app, `SELECT COUNT(*) FROM self_reports`)).toBe(1);
    // Every photo's largest size fetched again by its file_id, through getFile.
    expect(n(second.app, `SELECT COUNT(*) FROM self_report_evidence WHERE report_id = ? AND kind = 'photo'`, rep.id)).toBe(3);
    expect(sim.calls.filter((c) => c.method === 'getFile').map((c) => (c.params as { file_id: string }).file_id).sort()).toEqual(photos.map((p) => p.at(-1)!.file_id).sort());
    // The report links to the event of the message with the caption (kept with it across the restart).
    expect(n(second.app, `SELECT COUNT(*) FROM incident_findings WHERE event_id = ?`, kept[0]!.event_id)).toBeGreaterThan(0);
    // One receipt, answering the album's first message.
    const receipts = sim.sent.filter((m) => m.chat_id === ASN.id && m.method === 'sendMessage' && (m.text ?? '').includes(rep.receipt_no));
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.text!.match(/\b[0-9a-f]{64}\b/g)).toHaveLength(3);
    const firstId = (album[0]!['message'] as { message_id: number }).message_id;
    expect(n(second.app, `SELECT COUNT(*) FROM outbox WHERE dedupe_key = ? AND kind = 'selfreport_receipt'`, `reply:tg:${ASN.id}:${firstId}`)).toBe(1);
    // One alert to Humas naming the report, with the three photos attached.
    const alerts = sim.sent.filter((m) => m.chat_id === HUMAS.id && m.method === 'sendMessage' && (m.text ?? '').startsWith('📝 Laporan mandiri ASN'));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.text).toContain(rep.receipt_no);
    expect(alerts[0]!.text).toContain('Bukti terlampir: 3 berkas');
    // Nothing waits any more; the answered album's messages are remembered (without their content) to know them again.
    expect(n(second.app, `SELECT COUNT(*) FROM pending_pictures WHERE state <> 'done'`)).toBe(0);
    expect(n(second.app, `SELECT COUNT(*) FROM pending_pictures WHERE state = 'done' AND message = '' AND event_id IS NULL`)).toBe(3);

    // Telegram delivers the same updates again (same update_id): recorded as duplicates, nothing answered, nothing fetched.
    const sent = sim.sent.length;
    const fetched = sim.calls.filter((c) => c.method === 'getFile').length;
    album.forEach((u, i) => sim.pushUpdate({ ...u, update_id: ids[i] }));
    await vi.waitFor(() => expect(sim.pendingUpdates()).toBe(0), { timeout: 10_000, interval: 20 });
    await new Promise((r) => setTimeout(r, 3_500));
    expect(sim.sent.length).toBe(sent);
    expect(sim.calls.filter((c) => c.method === 'getFile').length).toBe(fetched);
    expect(n(second.app, `SELECT COUNT(*) FROM self_reports`)).toBe(1);
    expect(n(second.app, `SELECT COUNT(*) FROM pending_pictures WHERE state <> 'done'`)).toBe(0);
    // Telegram keeps an undelivered update for a day at most: the retention job forgets the answered album after that.
    expect(runRetentionJob(second.app, Date.now() + 12 * 3_600_000).pending.done).toBe(0);
    expect(runRetentionJob(second.app, Date.now() + 25 * 3_600_000).pending).toEqual({ held: 0, albumPictures: 0, headers: 0, done: 3 });
    expect(n(second.app, `SELECT COUNT(*) FROM pending_pictures`)).toBe(0);
  });

  it('a stop mid-album answers nothing; the next start on the same file answers the album once, with what was kept', { timeout: 90_000 }, async () => {
    const sim = await simulator();
    const path = tmpDb();
    const first = await botOn(sim, path, true, { LANGUAGE: 'en' }, 60_000);
    const photos = await Promise.all(screens(2).map((s) => sim.addPhoto(s)));
    const album = albumMessages(dm, ASN, photos, '/lapor I was added to the WhatsApp group "Relawan Maju Bersama"', { mediaGroupId: 'TGALBUM2', captionOn: 1 });
    for (const u of album) sim.pushUpdate(u);
    await vi.waitFor(() => expect(n(first.app, `SELECT COUNT(*) FROM pending_pictures WHERE state = 'album'`)).toBe(2), { timeout: 10_000, interval: 20 });
    await first.stop();
    expect(sim.sent.filter((m) => m.chat_id === ASN.id)).toHaveLength(0);
    // telegraf confirmed the updates at the stop (polling.js, syncUpdateOffset): Telegram has nothing to send again.
    expect(sim.pendingUpdates()).toBe(0);

    const second = await botOn(sim, path, false, { LANGUAGE: 'en' });
    await sim.waitFor((s) => s.some((m) => m.chat_id === ASN.id && m.method === 'sendDocument'), 30_000);
    await sim.waitFor((s) => s.some((m) => m.chat_id === HUMAS.id && (m.text ?? '').startsWith('📝')), 30_000);
    expect(n(second.app, `SELECT COUNT(*) FROM self_reports`)).toBe(1);
    const rep = second.app.db.prepare(`SELECT id, receipt_no FROM self_reports`).get() as { id: number; receipt_no: string };
    expect(n(second.app, `SELECT COUNT(*) FROM self_report_evidence WHERE report_id = ? AND kind = 'photo'`, rep.id)).toBe(2);
    expect(sim.sent.filter((m) => m.chat_id === ASN.id && m.method === 'sendMessage' && (m.text ?? '').includes(rep.receipt_no))).toHaveLength(1);
    expect(n(second.app, `SELECT COUNT(*) FROM pending_pictures WHERE state = 'album'`)).toBe(0);
  });
});
