/**
 * Monitor throughput with durable logging (100 events per transaction, WAL on a
 * real file) beside its peer measured in the same run: a raw better-sqlite3 batched
 * insert of the same event rows into the same table with the same pragmas, so the
 * ratio does not depend on the machine (target: >= 0.5).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from '../app/app.js';
import { loadConfig } from '../config.js';
import type { ChatEvent } from '../core/types.js';
import { openDb } from '../store/db.js';
import { seedBenchAsn } from './util.js';

const EVENTS = 20_000;
/**
 * Untimed events each side handles first, in the same process and the same way as its timed part: a running bot
 * has one App and warm code, so the timed part measures that steady state, not V8 compiling the code again for a
 * new App (its `apply` and the chain writer were optimised, dropped and redone within the first events).
 */
const WARMUP = 5_000;
/** Events per commit, like one getUpdates page. */
const BATCH = 100;
/** Events of the one-commit-per-event measurement (after the same warm-up, one commit each too). */
const PER_EVENT = 5_000;

/** Rounds of each measurement, alternated; the best of each is kept (shared machines are noisy). */
const ROUNDS = 3;

/**
 * Measures events/s through the monitor and rows/s of plain batched inserts of the very rows the monitor
 * stored, alternating, best of ROUNDS each. Each round, each side opens its own database, handles (inserts) the
 * WARMUP first events untimed, then the EVENTS after them timed.
 */
export function benchMonitor(): { monitorPerSec: number; rawInsertPerSec: number; ratio: number; perEventPerSec: number } {
  const events = makeEvents(WARMUP + EVENTS);
  const warm = events.slice(0, WARMUP);
  const timed = events.slice(WARMUP);
  let raw = 0;
  let monitorPerSec = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const dir = mkdtempSync(join(tmpdir(), 'jn-bench-'));
    try {
      const mon = monitorRate(join(dir, 'mon.db'), warm, timed);
      monitorPerSec = Math.max(monitorPerSec, mon.perSec);
      raw = Math.max(raw, rawInsertRate(join(dir, 'raw.db'), mon.warmRows, mon.rows));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'jn-bench-'));
  let perEventPerSec: number;
  try {
    perEventPerSec = monitorRate(join(dir, 'one.db'), warm, timed.slice(0, PER_EVENT), 1).perSec;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { monitorPerSec, rawInsertPerSec: raw, ratio: Math.round((monitorPerSec / raw) * 100) / 100, perEventPerSec };
}

/** The `events` columns the monitor writes (its hash columns aside): what the raw peer inserts too. */
const EVENT_COLUMNS = 'platform, dedupe_key, kind, chat_id, message_id, payload, status, reason, occurred_at, received_at';
type EventRow = unknown[];

/** The bench's App on a database file: the bench's paslon file and 1,000 registered ASN. */
export function benchApp(path: string, clock?: () => number): App {
  const config = loadConfig({ envFile: false, env: {}, overrides: { DATABASE_PATH: path, HUMAS_ADMINS: 'tg:9001', PASLON_FILE: 'data/paslon.sumsel2024.json' } });
  const app = new App({ config, clock });
  seedBenchAsn(app, 1000, { phoneBase: 10_000_000, tgIdBase: 100_000 });
  return app;
}

/** Feeds events to the App's monitor, `batch` per commit (1 = `handle`, as the live adapters do). */
export function feed(app: App, events: ChatEvent[], batch = BATCH): void {
  if (batch === 1) for (const ev of events) app.monitor.handle(ev);
  else for (let i = 0; i < events.length; i += batch) app.monitor.handleBatch(events.slice(i, i + batch));
}

/**
 * Events/s through one App's monitor on a database file, `batch` events per commit, over `timed` after the
 * untimed `warm`, and the event rows it stored for each, in order (the raw peer's input).
 */
function monitorRate(path: string, warm: ChatEvent[], timed: ChatEvent[], batch = BATCH): { perSec: number; warmRows: EventRow[]; rows: EventRow[] } {
  const app = benchApp(path);
  feed(app, warm, batch);
  const start = process.hrtime.bigint();
  feed(app, timed, batch);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const opened = (app.db.prepare(`SELECT COUNT(*) AS n FROM incidents`).get() as { n: number }).n;
  const all = app.db.prepare(`SELECT ${EVENT_COLUMNS} FROM events ORDER BY id`).raw().all() as EventRow[];
  app.db.close();
  if (opened === 0) throw new Error('monitor bench opened no incident: the generated events no longer exercise detection');
  if (all.length !== warm.length + timed.length) throw new Error(`monitor bench stored ${all.length} events of ${warm.length + timed.length}`);
  return { perSec: Math.round(timed.length / seconds), warmRows: all.slice(0, warm.length), rows: all.slice(warm.length) };
}

/**
 * Rows/s of the plainest durable log of the same events: the rows the monitor stored, inserted with one
 * prepared INSERT into the same `events` table of a database opened the same way (openDb: same schema and
 * indexes, WAL, synchronous=NORMAL), 100 per transaction like the monitor's batches. No hash chain, no
 * chat upkeep, classification, detection, incidents or outbox rows: the floor the monitor cannot go below.
 * Like the monitor, it first inserts the warm-up's rows the same way, untimed, then times the rows after them.
 */
function rawInsertRate(path: string, warmRows: EventRow[], rows: EventRow[]): number {
  const db = openDb(path);
  const ins = db.prepare(`INSERT INTO events (${EVENT_COLUMNS}) VALUES (${EVENT_COLUMNS.split(',').map(() => '?').join(', ')})`);
  const batch = db.transaction((slice: EventRow[]) => {
    for (const r of slice) ins.run(r);
  });
  for (let i = 0; i < warmRows.length; i += BATCH) batch(warmRows.slice(i, i + BATCH));
  const start = process.hrtime.bigint();
  for (let i = 0; i < rows.length; i += BATCH) batch(rows.slice(i, i + BATCH));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  db.close();
  return Math.round(rows.length / seconds);
}

/** `count` events, mostly ordinary chatter across 50 groups, with some ASN additions and mentions (the bench's events). */
export function makeEvents(count: number): ChatEvent[] {
  const out: ChatEvent[] = [];
  for (let i = 0; i < count; i++) {
    const g = i % 50;
    const chat = { platform: 'telegram' as const, id: `-100${g}`, title: g < 10 ? `Relawan Paslon ${g % 3 + 1} Pilgub Sumsel` : `Grup Warga ${g}` };
    const sender = { platform: 'telegram' as const, id: String(900_000 + (i % 300)), name: 'Warga' };
    if (i % 50 === 7) {
      out.push({ kind: 'member_added', dedupeKey: `b${i}`, at: i, chat, actor: sender, members: [{ platform: 'telegram', id: String(100_000 + (i % 1000)) }] });
    } else {
      const mention = i % 40 === 3 ? [{ platform: 'telegram' as const, id: String(100_000 + (i % 1000)) }] : [];
      const text = i % 40 === 3 ? 'Ayo coblos nomor 2 di Pilgub Sumsel!' : `Selamat pagi semua, jangan lupa rapat RT jam ${i % 12}`;
      out.push({ kind: 'message', dedupeKey: `b${i}`, at: i, chat, messageId: String(i), sender, text, mentions: mention });
    }
  }
  return out;
}
