/**
 * Sending under pressure, through the wiring of `jaga-netral start` (startBot in
 * src/main.ts: the Telegram adapter polling the loopback Bot API simulator with
 * its real pacing, the dispatcher, the scheduler): a stranger flooding the bot,
 * 500 ASN added to one group at once, a /kasus list far over 4,096 characters.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../src/app/app.js';
import { seedBenchAsn } from '../src/bench/util.js';
import { loadConfig } from '../src/config.js';
import { startBot, type RunningBot } from '../src/main.js';
import { TelegramSimServer, type SimUser } from '../src/platforms/sim/telegram-server.js';
import { newChatMembers, textMessage } from '../src/platforms/sim/telegram-updates.js';

const ADMIN: SimUser = { id: 9001, first_name: 'Humas', username: 'humas_oku' };
const STRANGER: SimUser = { id: 6666, first_name: 'Orang Asing' };
const TIMSES: SimUser = { id: 7001, first_name: 'Joko' };
const GROUP = { id: -1001234567890, title: 'Relawan Paslon 2 Pilgub Sumsel', type: 'supergroup' as const };

let sim: TelegramSimServer | undefined;
let bot: RunningBot | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await bot?.stop();
  await sim?.close();
  bot = undefined;
  sim = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The bot as `jaga-netral start` runs it, against a fresh simulator and database file. */
async function start(extra: Record<string, string> = {}): Promise<{ app: App; sim: TelegramSimServer }> {
  sim = await TelegramSimServer.start();
  const dir = mkdtempSync(join(tmpdir(), 'jn-pressure-'));
  dirs.push(dir);
  const config = loadConfig({
    envFile: false,
    env: {},
    overrides: {
      DATABASE_PATH: join(dir, 'bot.db'), HUMAS_ADMINS: 'tg:9001', TELEGRAM_BOT_TOKEN: sim.token, TELEGRAM_API_ROOT: sim.apiRoot,
      PASLON_FILE: 'data/paslon.sumsel2024.json', QUIET_HOURS: 'off', ...extra,
    },
  });
  const app = new App({ config });
  for (const u of [ADMIN, STRANGER]) {
    sim.addUser(u);
    sim.startedBot(u.id);
  }
  bot = await startBot(app);
  await sim.waitForPoll(5000);
  return { app, sim };
}

const until = async (pred: () => boolean, ms: number, what: string) => {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('under pressure, through jaga-netral start', () => {
  it('200 private messages from one stranger: all recorded, at most 30 replies sent or queued, Humas told once', async () => {
    const { app, sim } = await start();
    for (let i = 0; i < 200; i++) sim.pushUpdate(textMessage({ id: STRANGER.id }, STRANGER, i % 2 ? `/status ${i}` : `halo ${i}`));
    const privateEvents = () => app.db.prepare(`SELECT COUNT(*) FROM events WHERE chat_id = ? AND kind = 'message'`).pluck().get(String(STRANGER.id)) as number;
    await until(() => privateEvents() === 200, 20_000, 'the 200 messages to be recorded');
    const replies = app.db.prepare(`SELECT COUNT(*) FROM outbox WHERE recipient = ?`).pluck().get(String(STRANGER.id)) as number;
    expect(replies).toBeLessThanOrEqual(30);
    expect(replies).toBe(5); // all 200 came within a minute
    await sim.waitFor((s) => s.some((m) => m.chat_id === ADMIN.id && (m.text ?? '').includes('Pesan pribadi berlebihan')), 5000);
    expect(sim.sent.filter((m) => m.chat_id === STRANGER.id).length).toBeLessThanOrEqual(30);
    expect(sim.sent.filter((m) => m.chat_id === ADMIN.id && (m.text ?? '').includes('Orang Asing (6666)'))).toHaveLength(1);
  });

  it('500 ASN added at once: all 500 ASN alerts, the first Humas message within 30 s, at most 10 Humas messages about it', async () => {
    const { app, sim } = await start({ MASS_ALERT_WINDOW_SECONDS: '3' });
    seedBenchAsn(app, 500, { phoneBase: 50_000_000, tgIdBase: 900_000 });
    for (let i = 0; i < 500; i++) sim.startedBot(900_000 + i);
    const t0 = Date.now();
    let firstHumas: number | undefined;
    sim.onSent = (m) => {
      if (m.chat_id === ADMIN.id && firstHumas === undefined) firstHumas = Date.now();
    };
    // 500 additions, one update each, as fast as the simulator takes them.
    for (let i = 0; i < 500; i++) sim.pushUpdate(newChatMembers(GROUP, TIMSES, [{ id: 900_000 + i, first_name: `Pegawai${i}` }]));
    const asnAlerts = () => app.db.prepare(`SELECT COUNT(*) FROM outbox WHERE kind = 'asn_alert'`).pluck().get() as number;
    await until(() => asnAlerts() === 500, 30_000, 'the 500 ASN alerts to be queued');
    const summaries = () => sim!.sent.filter((m) => m.chat_id === ADMIN.id && (m.text ?? '').includes('ASN ditemukan sekaligus'));
    const held = () => app.db.prepare(`SELECT COUNT(*) FROM alert_batches WHERE released_at IS NULL`).pluck().get() as number;
    // Nothing pending and nothing in flight: a summary's CSV leaves after its text, in the same row.
    const drained = () => {
      const d = app.monitor.outbox.depth();
      return d.pending === 0 && d.sending === 0;
    };
    await until(() => summaries().length > 0 && held() === 0 && drained(), 60_000, 'the summaries to reach Humas');
    expect(firstHumas).toBeDefined();
    expect(firstHumas! - t0).toBeLessThan(30_000);
    const toHumas = sim.sent.filter((m) => Number(m.chat_id) === ADMIN.id);
    expect(toHumas.length).toBeLessThanOrEqual(10);
    // Every case reached Humas once: alone, in a summary's text, or in its CSV.
    const listed = (await Promise.all(toHumas.map((m) => m.text ?? ''))).join('\n');
    expect(listed).toMatch(/Kasus #1\b/);
    // A summary too long to list whole carries the CSV.
    const long = summaries().filter((m) => /… dan \d+ lagi/.test(m.text ?? '')).length;
    expect(sim.sent.filter((m) => Number(m.chat_id) === ADMIN.id && m.method === 'sendDocument').length).toBe(long);
    const asnSent = new Set(sim.sent.filter((m) => typeof m.chat_id === 'number' && m.chat_id >= 900_000).map((m) => m.chat_id));
    expect(asnSent.size).toBe(500);
  }, 120_000);

  it('/kasus with 500 open cases arrives whole, in parts under 4,096 characters, in order', async () => {
    const { app, sim } = await start();
    seedBenchAsn(app, 500, { phoneBase: 50_000_000, tgIdBase: 900_000 });
    app.monitor.handle({
      kind: 'member_added', dedupeKey: 'seed:500', at: Date.now(), chat: { platform: 'telegram', id: String(GROUP.id), title: GROUP.title, type: 'supergroup' },
      members: Array.from({ length: 500 }, (_, i) => ({ platform: 'telegram' as const, id: String(900_000 + i) })), actor: { platform: 'telegram', id: '7001' },
    });
    // Only the list matters here: the alerts of the seeded cases count as delivered.
    app.db.prepare(`UPDATE outbox SET status = 'sent' WHERE status = 'pending'`).run();
    const expected = (await app.commands.run({ platform: 'telegram', chatType: 'private', chatId: '9001', fromId: '9001', text: '/kasus' }))!.text;
    // The list's length depends on the dates it prints (one- or two-digit days), so the test
    // asks for what it means to check: a text over one message's 4,096 characters arrives as
    // at least as many parts as that length needs, none over the limit, joined back whole.
    expect(expected.length).toBeGreaterThan(4096);
    const before = sim.sent.filter((m) => m.chat_id === ADMIN.id).length;
    sim.pushUpdate(textMessage({ id: ADMIN.id }, ADMIN, '/kasus'));
    const mine = () => sim!.sent.filter((m) => m.chat_id === ADMIN.id).slice(before).map((m) => m.text ?? '');
    await until(() => mine().join('\n').includes('Berikutnya: /kasus hal 2'), 20_000, 'the whole /kasus answer');
    const parts = mine().filter((t) => !t.startsWith('⚠️') && !t.includes('Kasus #'));
    expect(parts.length).toBeGreaterThanOrEqual(Math.max(2, Math.ceil(expected.length / 4096)));
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(4096);
    expect(parts.join('\n')).toBe(expected);
    const reply = () => app.db.prepare(`SELECT status, parts_sent FROM outbox WHERE kind = 'command_reply' AND recipient = '9001'`).get() as { status: string };
    await until(() => reply().status === 'sent', 5000, 'the reply to be marked sent');
    const row = reply();
    expect(row).toEqual({ status: 'sent', parts_sent: parts.length - 1 });
  }, 60_000);
});
