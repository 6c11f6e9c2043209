/**
 * Benchmarks for the ASN registry: a 1M-row CSV import (timed and measured for
 * peak RSS in a child process, so the parent's memory does not count) and
 * in-memory lookups by phone and by platform person.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb } from '../store/db.js';
import { AsnRegistry, type AsnInput } from '../store/asn.js';
import { importAsnCsv } from '../app/import-asn.js';
import type { Nip, PhoneE164, TgUserId } from '../core/ids.js';
import type { Person } from '../core/types.js';

const UNITS = ['Dinas Pendidikan', 'Sekretariat Daerah', 'Dinas Kesehatan', 'BPKAD', 'Dinas Kominfo', 'Dinas PUPR', 'Bappeda'];
const NAMES = ['Budi Santoso', 'Siti Aminah', 'Ahmad Fauzi', 'Dewi Lestari', 'Rudi Hartono', 'Nur Aisyah', 'Hendra Wijaya'];

/** A deterministic valid NIP for index `i` (unique for i < 9,990,000). */
export function benchNip(i: number): string {
  const day = i % 9990; // ~27 years of birth dates from 1965-01-01
  const seq = Math.floor(i / 9990) + 1; // 1..999
  const birth = new Date(Date.UTC(1965, 0, 1) + day * 86_400_000);
  const y = birth.getUTCFullYear();
  const ymd = `${y}${String(birth.getUTCMonth() + 1).padStart(2, '0')}${String(birth.getUTCDate()).padStart(2, '0')}`;
  const appointed = `${y + 23}${String((i % 12) + 1).padStart(2, '0')}`;
  return `${ymd}${appointed}${(i % 2) + 1}${String(seq).padStart(3, '0')}`;
}

/** A deterministic phone for index `i`, written in one of several human formats; E.164 `+62812` + 8 digits. */
function benchPhone(i: number, style: number): string {
  const d = String(i).padStart(8, '0');
  switch (style % 4) {
    case 0: return `0812${d}`;
    case 1: return `+62 812-${d.slice(0, 4)}-${d.slice(4)}`;
    case 2: return `62812${d}`;
    default: return `0812 ${d.slice(0, 4)} ${d.slice(4)}`;
  }
}

/** Writes a valid `rows`-row registry CSV to `path`. */
export function writeBenchCsv(path: string, rows: number): void {
  const fd = openSync(path, 'w');
  try {
    let buf = 'nip,nama,unit,telepon,telegram\n';
    for (let i = 0; i < rows; i++) {
      const tg = i % 10 === 0 ? `@asn_${i}` : i % 10 === 5 ? String(5_000_000_000 + i) : '';
      buf += `${benchNip(i)},${NAMES[i % NAMES.length]} ${i},${UNITS[i % UNITS.length]},${benchPhone(i, i)},${tg}\n`;
      if (buf.length > 1 << 20) {
        writeSync(fd, buf);
        buf = '';
      }
    }
    writeSync(fd, buf);
  } finally {
    closeSync(fd);
  }
}

/**
 * Times a `rows`-row CSV import into a fresh file database, and its peer: a raw better-sqlite3
 * batched INSERT of the same rows, already parsed, into the same `asn` table of another fresh
 * database. Each runs in its own child process, so peak RSS is the importer's own.
 * `ratio` is import speed / raw speed (target >= 0.5).
 */
export async function benchImport(rows = 1_000_000): Promise<{ seconds: number; peakRssMb: number; total: number; rawSeconds: number; ratio: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'jn-bench-'));
  try {
    const csv = join(dir, 'asn.csv');
    writeBenchCsv(csv, rows);
    const run = (mode: 'import' | 'raw'): { seconds: number; maxRssKb: number; total: number } => {
      const tsx = import.meta.resolve('tsx');
      const child = spawnSync(process.execPath, ['--import', tsx, fileURLToPath(import.meta.url)], {
        env: { ...process.env, JN_REGISTRY_BENCH_CHILD: JSON.stringify({ csv, db: join(dir, `${mode}.db`), mode, rows }) },
        encoding: 'utf8',
        maxBuffer: 16 << 20,
      });
      if (child.status !== 0) throw new Error(`bench child failed (${child.status}): ${child.stderr}`);
      return JSON.parse(child.stdout.trim().split('\n').pop()!) as { seconds: number; maxRssKb: number; total: number };
    };
    const out = run('import');
    const raw = run('raw');
    return {
      seconds: out.seconds, peakRssMb: Math.round(out.maxRssKb / 1024), total: out.total,
      rawSeconds: raw.seconds, ratio: Math.round((raw.seconds / out.seconds) * 100) / 100,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Rows per transaction of the raw peer. */
const RAW_BATCH = 10_000;

function childImport(spec: { csv: string; db: string; mode: 'import' | 'raw'; rows: number }): void {
  const db = openDb(spec.db);
  const rows = spec.mode === 'raw' ? rawRows(spec.rows) : [];
  const t0 = process.hrtime.bigint();
  let total: number;
  if (spec.mode === 'raw') {
    total = rawInsert(db, rows);
  } else {
    const r = importAsnCsv(db, spec.csv, { now: Date.now() });
    if (!r.ok) throw new Error(`import failed: ${JSON.stringify(r.errors.slice(0, 5))}`);
    total = r.total;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  db.close();
  process.stdout.write(`${JSON.stringify({ seconds, maxRssKb: process.resourceUsage().maxRSS, total })}\n`);
}

/**
 * The peer of the import: the rows of writeBenchCsv as the import stores them (E.164 phone,
 * Telegram id or username), inserted with one prepared statement, RAW_BATCH rows per transaction.
 * No file to read, no parsing, no validation, no upsert: the floor an import cannot go below.
 */
function rawInsert(db: ReturnType<typeof openDb>, rows: RawRow[]): number {
  const now = Date.now();
  const ins = db.prepare(`INSERT INTO asn (nip, nama, unit, phone, tg_user_id, tg_username, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const batch = db.transaction((slice: RawRow[]) => {
    for (const r of slice) ins.run(r[0], r[1], r[2], r[3], r[4], r[5], now, now);
  });
  for (let i = 0; i < rows.length; i += RAW_BATCH) batch(rows.slice(i, i + RAW_BATCH));
  return rows.length;
}

type RawRow = [string, string, string, string, string | null, string | null];

/** The rows of writeBenchCsv, parsed ahead of the clock. */
function rawRows(count: number): RawRow[] {
  return Array.from({ length: count }, (_, i): RawRow => [
    benchNip(i), `${NAMES[i % NAMES.length]} ${i}`, UNITS[i % UNITS.length]!, `+62812${String(i).padStart(8, '0')}`,
    i % 10 === 5 ? String(5_000_000_000 + i) : null, i % 10 === 0 ? `asn_${i}` : null,
  ]);
}

/** Lookups per second against a 100k-ASN in-memory registry: by phone (`perSecond`) and through `findByPerson` on a WhatsApp JID. */
export function benchLookups(size = 100_000, lookups = 2_000_000): { perSecond: number; findByPersonPerSecond: number } {
  const db = openDb(':memory:');
  const reg = new AsnRegistry(db);
  const rows: AsnInput[] = [];
  for (let i = 0; i < size; i++) {
    rows.push({
      nip: benchNip(i) as Nip,
      nama: `ASN ${i}`,
      unit: UNITS[i % UNITS.length]!,
      phone: `+62812${String(i).padStart(8, '0')}` as PhoneE164,
      ...(i % 3 === 0 ? { telegramId: String(7_000_000_000 + i) as TgUserId } : {}),
    });
  }
  reg.upsertMany(rows, Date.now());
  // Half hits, half misses, in a scrambled order.
  const keys: string[] = [];
  for (let i = 0; i < 4096; i++) {
    const k = (i * 7919) % (size * 2);
    keys.push(`+62812${String(k).padStart(8, '0')}`);
  }
  let hits = 0;
  let t0 = process.hrtime.bigint();
  for (let i = 0; i < lookups; i++) if (reg.byPhone(keys[i & 4095]!)) hits++;
  const perSecond = lookups / (Number(process.hrtime.bigint() - t0) / 1e9);

  const people: Person[] = keys.map((k) => ({ platform: 'whatsapp', id: `${k.slice(1)}@s.whatsapp.net` }));
  t0 = process.hrtime.bigint();
  for (let i = 0; i < lookups; i++) if (reg.findByPerson(people[i & 4095]!)) hits++;
  const findByPersonPerSecond = lookups / (Number(process.hrtime.bigint() - t0) / 1e9);
  db.close();
  if (hits === 0) throw new Error('benchmark found nothing; keys are wrong');
  return { perSecond: Math.round(perSecond), findByPersonPerSecond: Math.round(findByPersonPerSecond) };
}

const childSpec = process.env.JN_REGISTRY_BENCH_CHILD;
if (childSpec && process.argv[1] === fileURLToPath(import.meta.url)) childImport(JSON.parse(childSpec) as { csv: string; db: string; mode: 'import' | 'raw'; rows: number });
