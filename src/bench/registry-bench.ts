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

/** Times a `rows`-row CSV import into a fresh file database; runs in a child process so peak RSS is the importer's own. */
export async function benchImport(rows = 1_000_000): Promise<{ seconds: number; peakRssMb: number; total: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'jn-bench-'));
  try {
    const csv = join(dir, 'asn.csv');
    writeBenchCsv(csv, rows);
    const tsx = import.meta.resolve('tsx');
    const child = spawnSync(process.execPath, ['--import', tsx, fileURLToPath(import.meta.url)], {
      env: { ...process.env, JN_REGISTRY_BENCH_CHILD: JSON.stringify({ csv, db: join(dir, 'bench.db') }) },
      encoding: 'utf8',
      maxBuffer: 16 << 20,
    });
    if (child.status !== 0) throw new Error(`bench child failed (${child.status}): ${child.stderr}`);
    const out = JSON.parse(child.stdout.trim().split('\n').pop()!) as { seconds: number; maxRssKb: number; total: number };
    return { seconds: out.seconds, peakRssMb: Math.round(out.maxRssKb / 1024), total: out.total };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function childImport(spec: { csv: string; db: string }): void {
  const db = openDb(spec.db);
  const t0 = process.hrtime.bigint();
  const r = importAsnCsv(db, spec.csv, { now: Date.now() });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  db.close();
  if (!r.ok) throw new Error(`import failed: ${JSON.stringify(r.errors.slice(0, 5))}`);
  process.stdout.write(`${JSON.stringify({ seconds, maxRssKb: process.resourceUsage().maxRSS, total: r.total })}\n`);
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
if (childSpec && process.argv[1] === fileURLToPath(import.meta.url)) childImport(JSON.parse(childSpec) as { csv: string; db: string });
