/**
 * Sending under pressure, through the wiring of `jaga-netral start` (startBot in
 * src/main.ts: the Telegram adapter polling the loopback Bot API simulator with
 * its real pacing, the dispatcher, the scheduler): a stranger flooding the bot.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../src/app/app.js';
import { loadConfig } from '../src/config.js';
import { startBot, type RunningBot } from '../src/main.js';
import { TelegramSimServer, type SimUser } from '../src/platforms/sim/telegram-server.js';
import { textMessage } from '../src/platforms/sim/telegram-updates.js';

const ADMIN: SimUser = { id: 9001, first_name: 'Humas', username: 'humas_oku' };
const STRANGER: SimUser = { id: 6666, first_name: 'Orang Asing' };

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
});
