/**
 * The hash chain's SQL side (the hashing rules are in core/chain.ts): chaining a row as it is inserted,
 * in the statement that inserts it, chaining the rows of an older database once, checking both chains
 * (`jaga-netral audit verify`) and reading their heads (printed with each backup).
 */
import { CHAIN_COLUMNS, CHAIN_DETAIL, CHAIN_GENESIS, detailBlanked, detailHash, rowHash, type ChainFault, type ChainSummary, type ChainTable } from '../core/chain.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from './handle.js';

/** Both chained tables, in the order they are checked and printed. */
export const CHAIN_TABLES: readonly ChainTable[] = ['events', 'audit'];

const BATCH = 2000;
const readColumns = (t: ChainTable): string =>
  [...new Set([...CHAIN_COLUMNS[t], ...CHAIN_DETAIL[t].columns, 'row_hash'])].join(', ');

type Row = Record<string, unknown> & { id: number; row_hash: string | null };

/** Hashes rows in id order after `prev` and stores their detail and row hashes. */
function writeHashes(db: Db, t: ChainTable, prev: string, rows: Row[]): string {
  const hashCol = CHAIN_DETAIL[t].hash;
  const upd = db.prepare(`UPDATE ${t} SET ${hashCol} = ?, row_hash = ? WHERE id = ?`);
  for (const r of rows) {
    r[hashCol] = detailHash(t, r);
    prev = rowHash(t, prev, r);
    upd.run(r[hashCol], prev, r.id);
  }
  return prev;
}

/**
 * Chains every row after the last chained one (all rows, the first time). Called by the migration
 * and when an insert finds an unchained row before its own (a row written around the store functions).
 */
export function chainPending(db: Db, t: ChainTable): number {
  return db.transaction(() => {
    const last = db.prepare(`SELECT id, row_hash FROM ${t} WHERE row_hash IS NOT NULL ORDER BY id DESC LIMIT 1`).get() as
      | { id: number; row_hash: string }
      | undefined;
    let after = last?.id ?? 0;
    let prev = last?.row_hash ?? CHAIN_GENESIS;
    let n = 0;
    const page = db.prepare(`SELECT ${readColumns(t)} FROM ${t} WHERE id > ? ORDER BY id LIMIT ${BATCH}`);
    for (;;) {
      const rows = page.all(after) as Row[];
      if (!rows.length) return n;
      prev = writeHashes(db, t, prev, rows);
      after = rows[rows.length - 1]!.id;
      n += rows.length;
    }
  })();
}

/** A value as inserted. */
type Cell = string | number | null;
type Es2024String = string & { isWellFormed(): boolean }; // Node 20 has it; the ES2023 lib does not name it

/**
 * A value as SQLite hands it back, which is what the hashes must cover. Text goes in as UTF-8: a lone UTF-16
 * surrogate is written as its 3-byte form and read back as three U+FFFD, so such (rare) text is sent
 * through SQLite itself to get its stored form.
 */
function stored(w: Writer, v: Cell): Cell {
  if (typeof v !== 'string' || (v as Es2024String).isWellFormed()) return v;
  return w.echo.get(v) as string;
}

/** The last chained row of a table as this handle last wrote or read it (id 0 and the genesis hash when empty). */
type Head = { id: number; hash: string };
type Writer = { cols: readonly string[]; ins: Statement; echo: Statement; head?: Head };
const writers = new WeakMap<Db, Partial<Record<ChainTable, Writer>>>();

/** The chain's head as stored, chaining first any rows written around insertChained (an older program, a raw INSERT). */
function readHead(db: Db, t: ChainTable): Head {
  const q = db.prepare(`SELECT id, row_hash FROM ${t} ORDER BY id DESC LIMIT 1`);
  let last = q.get() as { id: number; row_hash: string | null } | undefined;
  if (last && last.row_hash === null) {
    chainPending(db, t);
    last = q.get() as { id: number; row_hash: string };
  }
  return last ? { id: last.id, hash: last.row_hash! } : { id: 0, hash: CHAIN_GENESIS };
}

/** The inserted columns must hold every hashed column (a column left to its DEFAULT would be hashed as missing). */
function checkedColumns(t: ChainTable, cols: readonly string[]): readonly string[] {
  const missing = CHAIN_COLUMNS[t].filter((c) => c !== 'id' && c !== CHAIN_DETAIL[t].hash && !cols.includes(c));
  if (missing.length) throw new Error(`insertChained(${t}): hashed columns not inserted: ${missing.join(', ')}`);
  return cols;
}

/**
 * Inserts one row as the next link of its chain, in one statement: the id, the detail hash and the row
 * hash are computed here from the values as inserted (core/chain.ts), from the head this handle keeps
 * in memory. The statement carries its own guard, checked by SQLite under the write lock: it inserts
 * only while that head is still the table's last row with that hash. Anything that moved the head
 * since (another process's commit, a rolled-back transaction of ours, a crash, an unchained row) makes
 * it insert nothing; the head is then read again and the insert retried, so the chain never forks.
 * `cols` are the inserted columns (fixed per table for a handle), `conflict` an optional
 * `ON CONFLICT ... DO NOTHING`. Returns the new id, or undefined when the conflict clause dropped the row.
 */
export function insertChained(db: Db, t: ChainTable, cols: readonly string[], values: readonly Cell[], conflict = ''): number | undefined {
  const perDb = writers.get(db) ?? {};
  writers.set(db, perDb);
  const hashCol = CHAIN_DETAIL[t].hash;
  const w = (perDb[t] ??= {
    cols: checkedColumns(t, cols),
    ins: db.prepare(
      `INSERT INTO ${t} (id, ${cols.join(', ')}, ${hashCol}, row_hash)
       SELECT ${['?', ...cols.map(() => '?'), '?', '?'].join(', ')}
       WHERE (SELECT row_hash FROM ${t} WHERE id = ?) IS ? AND NOT EXISTS (SELECT 1 FROM ${t} WHERE id > ?) ${conflict}`,
    ),
    echo: db.prepare('SELECT ?').pluck(),
  });
  if (w.cols !== cols) throw new Error(`insertChained(${t}): one column list per table`);
  const row: Record<string, Cell> = {};
  for (let i = 0; i < cols.length; i++) row[cols[i]!] = stored(w, values[i]!);
  const dh = detailHash(t, row);
  row[hashCol] = dh;
  for (let attempt = 0; attempt < 100; attempt++) {
    const head = (w.head ??= readHead(db, t));
    const id = head.id + 1;
    row['id'] = id;
    const rh = rowHash(t, head.hash, row);
    // Row 0 never exists, so an empty table's guard is "no row 0 (NULL IS NULL) and no row after 0".
    if (w.ins.run(id, ...values, dh, rh, head.id, head.id === 0 ? null : head.hash, head.id).changes === 1) {
      w.head = { id, hash: rh };
      return id;
    }
    const now = readHead(db, t);
    w.head = now;
    if (now.id === head.id && now.hash === head.hash) return undefined; // the head held: the conflict clause dropped the row
  }
  throw new Error(`${t}: the chain head kept moving; row not written`);
}

/** The migration step: hash columns on both tables, and the rows already there chained once, in order. */
export function chainMigration(db: Db): void {
  db.exec(`
    ALTER TABLE events ADD COLUMN payload_hash TEXT;
    ALTER TABLE events ADD COLUMN row_hash TEXT;
    ALTER TABLE audit ADD COLUMN detail_hash TEXT;
    ALTER TABLE audit ADD COLUMN row_hash TEXT;
  `);
  for (const t of CHAIN_TABLES) chainPending(db, t);
}

export type { ChainFault } from '../core/chain.js';

/** One chain checked, and the first row that does not match. */
export interface ChainCheck extends ChainSummary {
  /** The first row that does not match, and why. */
  bad?: { id: number; fault: ChainFault };
}

/** Walks one chain from its first row: every row hash recomputed, every detail not blanked checked against its hash. */
export function verifyChain(db: Db, t: ChainTable): ChainCheck {
  const hashCol = CHAIN_DETAIL[t].hash;
  const page = db.prepare(`SELECT ${readColumns(t)}, ${hashCol} FROM ${t} WHERE id > ? ORDER BY id LIMIT ${BATCH}`);
  let prev = CHAIN_GENESIS;
  let after = 0;
  let rows = 0;
  let blanked = 0;
  for (;;) {
    const batch = page.all(after) as Row[];
    if (!batch.length) return { table: t, rows, blanked, head: rows ? { id: after, hash: prev } : undefined };
    for (const r of batch) {
      rows++;
      const fail = (fault: ChainFault): ChainCheck => ({ table: t, rows, blanked, bad: { id: r.id, fault } });
      if (r.row_hash === null || r[hashCol] === null) return fail('unchained');
      if (detailHash(t, r) !== r[hashCol]) {
        if (!detailBlanked(t, r)) return fail('detail');
        blanked++;
      }
      const h = rowHash(t, prev, r);
      if (h !== r.row_hash) return fail('row_hash');
      prev = h;
    }
    after = batch[batch.length - 1]!.id;
  }
}

/** Each chain's length and last row. */
export type ChainHeads = Record<ChainTable, { rows: number; id: number | null; hash: string | null }>;

/** Each chain's length and last row (id and hash), for the backup log: a copy of the log kept elsewhere pins them. */
export function chainHeads(db: Db): ChainHeads {
  const head = (t: ChainTable) => {
    const last = db.prepare(`SELECT id, row_hash FROM ${t} ORDER BY id DESC LIMIT 1`).get() as { id: number; row_hash: string | null } | undefined;
    const rows = db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number;
    return { rows, id: last?.id ?? null, hash: last?.row_hash ?? null };
  };
  return { events: head('events'), audit: head('audit') };
}
