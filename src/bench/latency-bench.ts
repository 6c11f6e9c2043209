/**
 * End-to-end alert latency: from an update entering the Bot API simulator to
 * the ASN's private alert leaving the bot (the simulator's `onSent`), with the
 * real telegraf long poll, monitor, outbox and dispatcher in between. Each
 * sample adds a different ASN to a different campaign group, so no pacing
 * limit is in play (target: median < 50 ms). A second line measures the same
 * with one Humas admin configured, whose alerts share the dispatcher's drain.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from '../app/app.js';
import { loadConfig } from '../config.js';
import { TelegramSimServer, type SimUser } from '../platforms/sim/telegram-server.js';
import { newChatMembers } from '../platforms/sim/telegram-updates.js';
import { TelegramAdapter } from '../platforms/telegram/adapter.js';
import { quantile, seedBenchAsn, sleep, stopSimBot, type BenchResult } from './util.js';

const SAMPLES = 50;
const GAP_MS = 250;

type Result = BenchResult;

/** Median and p90 alert latency in ms over SAMPLES additions. */
async function measure(humasAdmins: string): Promise<{ median: number; p90: number; missed: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'jn-latency-'));
  const sim = await TelegramSimServer.start({ canReadAllGroupMessages: true });
  const config = loadConfig({
    envFile: false,
    env: {},
    overrides: { DATABASE_PATH: join(dir, 'bench.db'), HUMAS_ADMINS: humasAdmins, TELEGRAM_BOT_TOKEN: sim.token, TELEGRAM_API_ROOT: sim.apiRoot, PASLON_FILE: 'data/paslon.sumsel2024.json', QUIET_HOURS: 'off' },
  });
  const app = new App({ config });
  const users: SimUser[] = Array.from({ length: SAMPLES }, (_, i) => ({ id: 500_000 + i, first_name: `Pegawai${i}` }));
  seedBenchAsn(app, SAMPLES, { phoneBase: 40_000_000, tgIdBase: 500_000 });
  for (const u of users) sim.startedBot(u.id);
  sim.startedBot(9001);
  const adapter = new TelegramAdapter({ app, webhook: false });
  app.dispatcher.start();
  await adapter.start();
  await sim.waitForPoll(5000);
  const sentAt = new Map<number, number>();
  sim.onSent = (m) => {
    if (typeof m.chat_id === 'number' && !sentAt.has(m.chat_id)) sentAt.set(m.chat_id, performance.now());
  };
  const pushedAt = new Map<number, number>();
  const actor: SimUser = { id: 700_001, first_name: 'Joko' };
  try {
    for (let i = 0; i < SAMPLES; i++) {
      const group = { id: -1_001_500_000_000 - i, type: 'supergroup' as const, title: `Relawan Paslon 2 Pilgub Sumsel Posko ${i}` };
      const u = users[i]!;
      pushedAt.set(u.id, performance.now());
      sim.pushUpdate(newChatMembers(group, actor, [u]));
      await sleep(GAP_MS);
    }
    await sleep(1000);
  } finally {
    await stopSimBot({ sim, adapter, app, dir });
  }
  const lat: number[] = [];
  let missed = 0;
  for (const [id, t0] of pushedAt) {
    const t1 = sentAt.get(id);
    if (t1 === undefined) missed++;
    else lat.push(t1 - t0);
  }
  return { median: quantile(lat, 0.5), p90: quantile(lat, 0.9), missed };
}

/** The `latency` lines of `npm run bench`. */
export async function run(): Promise<Result[]> {
  const plain = await measure('');
  const withHumas = await measure('tg:9001');
  return [
    { name: `alert latency, median (${SAMPLES} samples)`, value: `${plain.median.toFixed(1)} ms`, target: '< 50 ms', ok: plain.median < 50 && plain.missed === 0 },
    { name: 'alert latency, p90', value: `${plain.p90.toFixed(1)} ms`, target: '(report only)', ok: true },
    { name: 'alert latency, missed', value: String(plain.missed), target: '0', ok: plain.missed === 0 },
    { name: 'alert latency with 1 Humas admin, median', value: `${withHumas.median.toFixed(1)} ms`, target: '(report only)', ok: true },
    { name: 'alert latency with 1 Humas admin, p90', value: `${withHumas.p90.toFixed(1)} ms`, target: '(report only)', ok: true },
  ];
}
