/**
 * Sustained load: 1,000 updates/s for 30 s pushed into the Bot API simulator
 * while an in-process App + TelegramAdapter long-polls it (file database, WAL).
 * Reports updates lost (target 0), p50/p99 from push to the update's `events`
 * row and to its outbox row (ASN additions), and peak RSS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from '../app/app.js';
import { loadConfig } from '../config.js';
import { TelegramSimServer, type SimUser } from '../platforms/sim/telegram-server.js';
import { newChatMembers, textMessage } from '../platforms/sim/telegram-updates.js';
import { TelegramAdapter } from '../platforms/telegram/adapter.js';
import { quantile, seedBenchAsn, sleep, type BenchResult } from './util.js';

const RATE = 1000;
const SECONDS = 30;
const TICK_MS = 10;
const ASN = 500;
const GROUPS = 50;
const DRAIN_TIMEOUT_MS = 120_000;

type Result = BenchResult;
const CHATTER = ['Selamat pagi bapak ibu, jangan lupa arisan minggu ini', 'Besok kerja bakti jam 7 pagi di balai warga', 'Info jadwal posyandu bulan depan sudah keluar', 'Ada yang punya nomor tukang ledeng?'];

/** The `load` lines of `npm run bench`. */
export async function run(): Promise<Result[]> {
  const dir = mkdtempSync(join(tmpdir(), 'jn-load-'));
  const sim = await TelegramSimServer.start({ canReadAllGroupMessages: true, maxSent: 1_000_000, maxCalls: 1_000_000 });
  const config = loadConfig({
    envFile: false,
    env: {},
    overrides: { DATABASE_PATH: join(dir, 'load.db'), HUMAS_ADMINS: 'tg:9001', TELEGRAM_BOT_TOKEN: sim.token, TELEGRAM_API_ROOT: sim.apiRoot, PASLON_FILE: 'data/paslon.sumsel2024.json', QUIET_HOURS: 'off', LOG_LEVEL: 'silent' },
  });
  const app = new App({ config });
  const asn: SimUser[] = Array.from({ length: ASN }, (_, i) => ({ id: 500_000 + i, first_name: `Pegawai${i}` }));
  seedBenchAsn(app, ASN, { phoneBase: 50_000_000, tgIdBase: 500_000 });
  for (const u of asn) sim.startedBot(u.id);
  sim.startedBot(9001);
  const groups = Array.from({ length: GROUPS }, (_, g) => ({ id: -1_001_600_000_000 - g, type: 'supergroup' as const, title: g < 20 ? `Relawan Paslon ${(g % 3) + 1} Pilgub Sumsel Kec ${g}` : `Arisan RT ${g}` }));
  const others: SimUser[] = Array.from({ length: 500 }, (_, k) => ({ id: 800_000 + k, first_name: `Warga${k}` }));

  let peakRss = process.memoryUsage.rss();
  // Heap samples over the run: the lowest heap in the last stretch against the lowest early on (lows are after GC),
  // so steady traffic that leaks shows as growth, and ordinary GC sawtooth does not.
  const heap: { at: number; used: number }[] = [];
  const started = Date.now();
  const rssTimer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    heap.push({ at: Date.now() - started, used: process.memoryUsage().heapUsed });
  }, 100);
  const lowest = (fromS: number, toS: number): number =>
    Math.min(...heap.filter((h) => h.at >= fromS * 1000 && h.at < toS * 1000).map((h) => h.used));
  const adapter = new TelegramAdapter({ app, webhook: false });
  app.dispatcher.start();
  await adapter.start();
  await sim.waitForPoll(5000);

  /** dedupe key -> wall-clock ms when pushed. */
  const pushedAt = new Map<string, number>();
  const total = RATE * SECONDS;
  let pushed = 0;
  let n = 0;
  const t0 = Date.now();
  try {
    while (pushed < total) {
      const due = Math.min(total, Math.floor(((Date.now() - t0) / 1000) * RATE) + RATE / (1000 / TICK_MS));
      const now = Date.now();
      while (pushed < due) {
        const g = groups[n % GROUPS]!;
        const from = others[(n * 7) % others.length]!;
        const u = n % 100 === 37 ? newChatMembers(groups[Math.floor(n / 100) % 20]!, from, [asn[(n / 100) % ASN | 0]!]) : textMessage(g, from, CHATTER[n % CHATTER.length]!);
        n++;
        const m = u['message'] as { message_id: number; chat: { id: number } };
        pushedAt.set(`tg:msg:${m.chat.id}:${m.message_id}`, now);
        sim.pushUpdate(u);
        pushed++;
      }
      await sleep(TICK_MS);
    }
    const pushSeconds = (Date.now() - t0) / 1000;
    const until = Date.now() + DRAIN_TIMEOUT_MS;
    while (sim.pendingUpdates() > 0 && Date.now() < until) await sleep(100);
    await sleep(500);

    const rows = app.db.prepare(`SELECT dedupe_key AS k, received_at AS t FROM events WHERE dedupe_key LIKE 'tg:msg:%'`).all() as { k: string; t: number }[];
    const toEvent: number[] = [];
    for (const r of rows) {
      const p = pushedAt.get(r.k);
      if (p !== undefined) toEvent.push(r.t - p);
    }
    const lost = total - new Set(rows.map((r) => r.k).filter((k) => pushedAt.has(k))).size;
    const outRows = app.db
      .prepare(`SELECT e.dedupe_key AS k, min(o.created_at) AS t FROM outbox o JOIN incidents i ON i.id = o.incident_id JOIN events e ON e.id = i.event_id GROUP BY e.dedupe_key`)
      .all() as { k: string; t: number }[];
    const toOutbox = outRows.map((r) => r.t - (pushedAt.get(r.k) ?? r.t));
    const ms = (x: number): string => `${Math.round(x)} ms`;
    const growthMb = (lowest(SECONDS - 10, SECONDS) - lowest(5, 15)) / 1024 / 1024;
    return [
      { name: `load: ${RATE}/s x ${SECONDS} s, updates lost`, value: `${lost} of ${total}`, target: '0', ok: lost === 0 },
      { name: 'load: push rate achieved', value: `${Math.round(total / pushSeconds)} /s`, target: '(report only)', ok: true },
      { name: 'load: push -> events row p50 / p99', value: `${ms(quantile(toEvent, 0.5))} / ${ms(quantile(toEvent, 0.99))}`, target: '(report only)', ok: true },
      { name: `load: push -> outbox row p50 / p99 (${toOutbox.length})`, value: `${ms(quantile(toOutbox, 0.5))} / ${ms(quantile(toOutbox, 0.99))}`, target: '(report only)', ok: true },
      { name: 'load: peak RSS', value: `${Math.round(peakRss / 1024 / 1024)} MB`, target: '(report only)', ok: true },
      { name: 'load: heap growth, last 10 s vs 5-15 s (lows)', value: `${growthMb.toFixed(1)} MB`, target: '< 64 MB (bounded)', ok: growthMb < 64 },
    ];
  } finally {
    clearInterval(rssTimer);
    await adapter.stop();
    await app.close();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
