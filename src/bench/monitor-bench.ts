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
/** Events per commit, like one getUpdates page. */
const BATCH = 100;

/** Rounds of each measurement, alternated; the best of each is kept (shared machines are noisy). */
const ROUNDS = 3;

/**
 * Measures events/s through the monitor and rows/s of plain batched inserts of the very rows the monitor
 * stored, alternating, best of ROUNDS each.
 */
export function benchMonitor(): { monitorPerSec: number; rawInsertPerSec: number; ratio: number; perEventPerSec: number } {
  const events = makeEvents();
  let raw = 0;
  let monitorPerSec = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const dir = mkdtempSync(join(tmpdir(), 'jn-bench-'));
    try {
      const mon = monitorRate(join(dir, 'mon.db'), events);
      monitorPerSec = Math.max(monitorPerSec, mon.perSec);
      raw = Math.max(raw, rawInsertRate(join(dir, 'raw.db'), mon.rows));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'jn-bench-'));
  let perEventPerSec: number;
  try {
    perEventPerSec = monitorRate(join(dir, 'one.db'), events.slice(0, 5000), 1).perSec;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { monitorPerSec, rawInsertPerSec: raw, ratio: Math.round((monitorPerSec / raw) * 100) / 100, perEventPerSec };
}

/** The `events` columns the monitor writes (its hash columns aside): what the raw peer inserts too. */
const EVENT_COLUMNS = 'platform, dedupe_key, kind, chat_id, message_id, payload, status, reason, occurred_at, received_at';
type EventRow = unknown[];

/**
 * Events/s through a real App's monitor on a database file, `batch` events per commit (1 = `handle`, as the live
 * adapters do), and the event rows it stored, in order (the raw peer's input).
 */
function monitorRate(path: string, events: ChatEvent[], batch = BATCH): { perSec: number; rows: EventRow[] } {
  const config = loadConfig({ envFile: false, env: {}, overrides: { DATABASE_PATH: path, HUMAS_ADMINS: 'tg:9001', PASLON_FILE: 'data/paslon.sumsel2024.json' } });
  const app = new App({ config });
  seedBenchAsn(app, 1000, { phoneBase: 10_000_000, tgIdBase: 100_000 });
  const start = process.hrtime.bigint();
  if (batch === 1) for (const ev of events) app.monitor.handle(ev);
  else for (let i = 0; i < events.length; i += batch) app.monitor.handleBatch(events.slice(i, i + batch));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const opened = (app.db.prepare(`SELECT COUNT(*) AS n FROM incidents`).get() as { n: number }).n;
  const rows = app.db.prepare(`SELECT ${EVENT_COLUMNS} FROM events ORDER BY id`).raw().all() as EventRow[];
  app.db.close();
  if (opened === 0) throw new Error('monitor bench opened no incident: the generated events no longer exercise detection');
  if (rows.length !== events.length) throw new Error(`monitor bench stored ${rows.length} events of ${events.length}`);
  return { perSec: Math.round(events.length / seconds), rows };
}

/**
 * Rows/s of the plainest durable log of the same events: the rows the monitor stored, inserted with one
 * prepared INSERT into the same `events` table of a database opened the same way (openDb: same schema and
 * indexes, WAL, synchronous=NORMAL), 100 per transaction like the monitor's batches. No hash chain, no
 * chat upkeep, classification, detection, incidents or outbox rows: the floor the monitor cannot go below.
 */
function rawInsertRate(path: string, rows: EventRow[]): number {
  const db = openDb(path);
  const ins = db.prepare(`INSERT INTO events (${EVENT_COLUMNS}) VALUES (${EVENT_COLUMNS.split(',').map(() => '?').join(', ')})`);
  const batch = db.transaction((slice: EventRow[]) => {
    for (const r of slice) ins.run(r);
  });
  const start = process.hrtime.bigint();
  for (let i = 0; i < rows.length; i += BATCH) batch(rows.slice(i, i + BATCH));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  db.close();
  return Math.round(rows.length / seconds);
}

/** Mostly ordinary chatter across 50 groups, with some ASN additions and mentions. */
function makeEvents(): ChatEvent[] {
  const out: ChatEvent[] = [];
  for (let i = 0; i < EVENTS; i++) {
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
