/**
 * Monitor throughput with durable logging (one transaction per event, WAL on a
 * real file) beside the raw better-sqlite3 batched-insert rate measured in the
 * same run, so the ratio does not depend on the machine (target: >= 1/3).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { App } from '../app/app.js';
import { loadConfig } from '../config.js';
import type { Nip, PhoneE164, TgUserId } from '../core/ids.js';
import type { ChatEvent } from '../core/types.js';

const EVENTS = 20_000;
/** Events per commit, like one getUpdates page. */
const BATCH = 100;

/** Measures events/s through the monitor and rows/s of plain batched inserts. */
export function benchMonitor(): { monitorPerSec: number; rawInsertPerSec: number; ratio: number } {
  const dir = mkdtempSync(join(tmpdir(), 'jn-bench-'));
  try {
    const raw = rawInsertRate(join(dir, 'raw.db'));
    const config = loadConfig({ envFile: false, env: {}, overrides: { DATABASE_PATH: join(dir, 'mon.db'), HUMAS_ADMINS: 'tg:9001', PASLON_FILE: 'data/paslon.sumsel2024.json' } });
    const app = new App({ config });
    app.registry.upsertMany(
      Array.from({ length: 1000 }, (_, i) => ({
        nip: `19850312201001${String(1000 + i).slice(-4)}`.replace(/^(.{14})1/, '$11') as Nip,
        nama: `ASN ${i}`,
        unit: `Dinas ${i % 20}`,
        phone: `+62812${String(10_000_000 + i)}` as PhoneE164,
        telegramId: String(100_000 + i) as TgUserId,
      })).filter((r) => /^\d{18}$/.test(r.nip)),
      Date.now(),
    );
    const events = makeEvents();
    const start = process.hrtime.bigint();
    for (let i = 0; i < events.length; i += BATCH) app.monitor.handleBatch(events.slice(i, i + BATCH));
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    app.db.close();
    const monitorPerSec = Math.round(EVENTS / seconds);
    return { monitorPerSec, rawInsertPerSec: raw, ratio: Math.round((monitorPerSec / raw) * 100) / 100 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Rows/s of a prepared INSERT of event-sized rows, batched 1,000 per transaction. */
function rawInsertRate(path: string): number {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT UNIQUE, payload TEXT, at INTEGER) STRICT`);
  const ins = db.prepare(`INSERT INTO t (k, payload, at) VALUES (?, ?, ?)`);
  const batch = db.transaction((from: number) => {
    for (let i = from; i < from + 1000; i++) ins.run(`k${i}`, `{"kind":"message","text":"halo semua, rapat jam ${i}"}`, i);
  });
  const n = 100_000;
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i += 1000) batch(i);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  db.close();
  return Math.round(n / seconds);
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
