/**
 * The mass-add case: 500 registered ASN added to one campaign group at once
 * (one update each, as fast as the Bot API simulator takes them), through the
 * real telegraf long poll, monitor, outbox, dispatcher and Telegram pacing,
 * with the default mass-alert settings and two Humas admins. Reports the time
 * to the first Humas message, Humas messages per admin, the time until the
 * summary arrives and until every ASN has their alert.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from '../app/app.js';
import { loadConfig } from '../config.js';
import { TelegramSimServer } from '../platforms/sim/telegram-server.js';
import { newChatMembers } from '../platforms/sim/telegram-updates.js';
import { TelegramAdapter } from '../platforms/telegram/adapter.js';
import { seedBenchAsn, sleep, stopSimBot, type BenchResult } from './util.js';

const COUNT = 500;
const ADMINS = [9001, 9002];

/** The `mass` lines of `npm run bench`. */
export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'jn-mass-'));
  const sim = await TelegramSimServer.start();
  const config = loadConfig({
    envFile: false,
    env: {},
    overrides: {
      DATABASE_PATH: join(dir, 'bench.db'), HUMAS_ADMINS: ADMINS.map((a) => `tg:${a}`).join(','), TELEGRAM_BOT_TOKEN: sim.token, TELEGRAM_API_ROOT: sim.apiRoot,
      PASLON_FILE: 'data/paslon.sumsel2024.json', QUIET_HOURS: 'off',
    },
  });
  const app = new App({ config });
  seedBenchAsn(app, COUNT, { phoneBase: 70_000_000, tgIdBase: 700_000 });
  for (let i = 0; i < COUNT; i++) sim.startedBot(700_000 + i);
  for (const a of ADMINS) sim.startedBot(a);
  const adapter = new TelegramAdapter({ app, webhook: false });
  app.dispatcher.start();
  await adapter.start();
  await sim.waitForPoll(5000);
  const humas = new Map<number, number>(ADMINS.map((a) => [a, 0]));
  const asn = new Set<number>();
  let firstHumas: number | undefined;
  let summary: number | undefined;
  let allAsn: number | undefined;
  const t0 = performance.now();
  sim.onSent = (m) => {
    const id = Number(m.chat_id);
    if (humas.has(id)) {
      humas.set(id, humas.get(id)! + 1);
      firstHumas ??= performance.now();
      if ((m.text ?? '').includes('ASN ditemukan sekaligus')) summary ??= performance.now();
    } else if (id >= 700_000 && id < 700_000 + COUNT) {
      asn.add(id);
      if (asn.size === COUNT) allAsn ??= performance.now();
    }
  };
  const group = { id: -1_001_700_000_000, type: 'supergroup' as const, title: 'Relawan Paslon 2 Pilgub Sumsel' };
  try {
    for (let i = 0; i < COUNT; i++) sim.pushUpdate(newChatMembers(group, { id: 7001, first_name: 'Joko' }, [{ id: 700_000 + i, first_name: `Pegawai${i}` }]));
    const end = performance.now() + (config.MASS_ALERT_WINDOW_SECONDS + 90) * 1000;
    while ((summary === undefined || allAsn === undefined) && performance.now() < end) await sleep(100);
    await sleep(2000); // anything still coming to Humas is counted
  } finally {
    await stopSimBot({ sim, adapter, app, dir });
  }
  const s = (t: number | undefined) => (t === undefined ? 'never' : `${((t - t0) / 1000).toFixed(1)} s`);
  const perAdmin = Math.max(...humas.values());
  return [
    { name: `mass add (${COUNT} ASN): first Humas message`, value: s(firstHumas), target: '<= 30 s', ok: firstHumas !== undefined && firstHumas - t0 <= 30_000 },
    { name: 'mass add: Humas messages per admin', value: String(perAdmin), target: '<= 10', ok: perAdmin <= 10 && perAdmin > 0 },
    { name: 'mass add: summary to Humas', value: s(summary), target: `(window ${config.MASS_ALERT_WINDOW_SECONDS} s)`, ok: summary !== undefined },
    { name: `mass add: all ${COUNT} ASN alerts sent`, value: s(allAsn), target: '(Telegram pacing)', ok: asn.size === COUNT },
  ];
}
