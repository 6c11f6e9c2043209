/**
 * The hash chain's SQL side (the hashing rules and both row formats are in core/chain.ts): chaining a row as
 * it is inserted, in the statement that inserts it (format 2, compact), chaining rows written around the
 * store, chaining the rows of an older database once (format 1, the landed migration), checking both chains
 * over both formats (`jaga-netral audit verify`) and reading their heads (printed with each backup), always
 * as lower-case hex.
 */
import {
  CHAIN_COLUMNS, CHAIN_COLUMNS_V2, CHAIN_DETAIL, CHAIN_DIGEST, CHAIN_GENESIS, detailBlanked, detailHash, detailHashOf, rowDigestHex, rowHash,
  type ChainFault, type ChainSummary, type ChainTable, type ChainValue,
} from '../core/chain.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from './handle.js';

/** Both chained tables, in the order they are checked and printed. */
export const CHAIN_TABLES: readonly ChainTable[] = ['events', 'audit'];

const BATCH = 2000;
const readColumns = (t: ChainTable): string =>
  [...new Set([...CHAIN_COLUMNS[t], ...CHAIN_DETAIL[t].columns, 'row_hash'])].join(', ');

/** A BLOB digest column read as lower-case hex (NULL stays NULL: hex(NULL) would be ''). */
const hexOf = (col: string): string => `nullif(lower(hex(${col})), '')`;

/** Whether the table has the format-2 columns (a backup made by an older version has not). */
const hasDigests = (db: Db, t: ChainTable): boolean =>
  (db.prepare(`SELECT COUNT(*) FROM pragma_table_info(?) WHERE name = 'row_digest'`).pluck().get(t) as number) > 0;

/** A row's chain hash as lower-case hex, whichever format it has (NULL when it is not chained). */
const rowHashSql = (db: Db, t: ChainTable): string => (hasDigests(db, t) ? `coalesce(row_hash, ${hexOf('row_digest')})` : 'row_hash');

type Row = Record<string, unknown> & { id: number; row_hash: string | null; row_digest?: string | null };

/** Format 1 (the landed chain migration): hashes rows in id order after `prev` and stores their detail and row hashes. */
function writeHashesV1(db: Db, t: ChainTable, prev: string, rows: Row[]): string {
  const hashCol = CHAIN_DETAIL[t].hash;
  const upd = db.prepare(`UPDATE ${t} SET ${hashCol} = ?, row_hash = ? WHERE id = ?`);
  for (const r of rows) {
    r[hashCol] = detailHash(t, r);
    prev = rowHash(t, prev, r);
    upd.run(r[hashCol], prev, r.id);
  }
  return prev;
}

/** Format 2: hashes rows in id order after `prev` and stores their detail and row digests. */
function writeDigests(db: Db, t: ChainTable, prev: string, rows: Row[]): string {
  const digestCol = CHAIN_DIGEST[t];
  const upd = db.prepare(`UPDATE ${t} SET ${digestCol} = unhex(?), row_digest = unhex(?) WHERE id = ?`);
  for (const r of rows) {
    const dh = detailHash(t, r);
    prev = rowDigestHex(t, prev, CHAIN_COLUMNS_V2[t].map((c) => (c === digestCol ? dh : (r[c] as ChainValue))));
    upd.run(dh, prev, r.id);
  }
  return prev;
}

/** Chains, in id order, every row after the last chained one, with `write` (one format). */
function chainAfterLast(db: Db, t: ChainTable, hashSql: string, write: (db: Db, t: ChainTable, prev: string, rows: Row[]) => string): number {
  return db.transaction(() => {
    const last = db.prepare(`SELECT id, ${hashSql} AS h FROM ${t} WHERE ${hashSql} IS NOT NULL ORDER BY id DESC LIMIT 1`).get() as
      | { id: number; h: string }
      | undefined;
    let after = last?.id ?? 0;
    let prev = last?.h ?? CHAIN_GENESIS;
    let n = 0;
    const page = db.prepare(`SELECT ${readColumns(t)} FROM ${t} WHERE id > ? ORDER BY id LIMIT ${BATCH}`);
    for (;;) {
      const rows = page.all(after) as Row[];
      if (!rows.length) return n;
      prev = write(db, t, prev, rows);
      after = rows[rows.length - 1]!.id;
      n += rows.length;
    }
  })();
}

/**
 * Chains every row after the last chained one, in the compact format (format 2). Called when an insert finds
 * an unchained row at the head (a row written around the store functions: an older program, a raw INSERT).
 */
export function chainPending(db: Db, t: ChainTable): number {
  return chainAfterLast(db, t, rowHashSql(db, t), writeDigests);
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
type Writer = {
  cols: readonly string[];
  ins: Statement;
  echo: Statement;
  /** For each CHAIN_COLUMNS_V2 position, the index of its value among the inserted ones (-1: the id, -2: the detail digest). */
  canon: readonly number[];
  /** The id's position in `canon`. */
  idAt: number;
  /** The indexes of the detail columns among the inserted ones, in CHAIN_DETAIL order. */
  detail: readonly number[];
  /** The index of the guard's carrier column among the inserted ones, and the others' indexes in the INSERT's order. */
  carrier: number;
  others: readonly number[];
  /** The same INSERT with the light guard (the table's last row is still the head's id), for rows after the first of a batch (chainBatch). */
  light: Statement;
  head?: Head;
};
const writers = new WeakMap<Db, Partial<Record<ChainTable, Writer>>>();

/** The chain's head as stored, chaining first any rows written around insertChained (an older program, a raw INSERT). */
function readHead(db: Db, t: ChainTable): Head {
  const q = db.prepare(`SELECT id, ${rowHashSql(db, t)} AS h FROM ${t} ORDER BY id DESC LIMIT 1`);
  let last = q.get() as { id: number; h: string | null } | undefined;
  if (last && last.h === null) {
    chainPending(db, t);
    last = q.get() as { id: number; h: string };
  }
  return last ? { id: last.id, hash: last.h! } : { id: 0, hash: CHAIN_GENESIS };
}

/** The inserted columns must hold every hashed column (a column left to its DEFAULT would be hashed as missing). */
function checkedColumns(t: ChainTable, cols: readonly string[]): readonly string[] {
  const missing = [...CHAIN_COLUMNS_V2[t], ...CHAIN_DETAIL[t].columns].filter((c) => c !== 'id' && c !== CHAIN_DIGEST[t] && !cols.includes(c));
  if (missing.length) throw new Error(`insertChained(${t}): hashed columns not inserted: ${missing.join(', ')}`);
  return cols;
}

/**
 * The NOT NULL column that carries each table's guard: the INSERT gives it its value only when the guard holds,
 * else NULL, so that SQLite refuses the row (a NOT NULL failure aborts that one statement, not the transaction).
 */
const GUARD_CARRIER: Readonly<Record<ChainTable, string>> = { events: 'received_at', audit: 'at' };

function writer(db: Db, t: ChainTable, cols: readonly string[], conflict: string): Writer {
  const digestCol = CHAIN_DIGEST[t];
  const carrier = cols.indexOf(GUARD_CARRIER[t]);
  const others = cols.map((_, i) => i).filter((i) => i !== carrier);
  // One plain INSERT ... VALUES whose guard reads the table in scalar subqueries (an INSERT ... SELECT reading its own
  // table, the guard before, makes SQLite copy the row through a temporary table): the table's last row is the head
  // this row was hashed from, with that hash. Checked under the write lock the INSERT holds, before the row goes in.
  const guard = `CASE WHEN (SELECT max(id) FROM ${t}) IS ? AND (SELECT ${rowHashSql(db, t)} FROM ${t} WHERE id = ?) IS ? THEN ? END`;
  const insert = (g: string) =>
    db.prepare(
      `INSERT INTO ${t} (id, ${others.map((i) => cols[i]).join(', ')}, ${cols[carrier]}, ${digestCol}, row_digest)
       VALUES (?, ${others.map(() => '?').join(', ')}, ${g}, unhex(?), unhex(?)) ${conflict}`,
    );
  return {
    cols: checkedColumns(t, cols),
    ins: insert(guard),
    light: insert(`CASE WHEN (SELECT max(id) FROM ${t}) IS ? THEN ? END`),
    echo: db.prepare('SELECT ?').pluck(),
    canon: CHAIN_COLUMNS_V2[t].map((c) => (c === 'id' ? -1 : c === digestCol ? -2 : cols.indexOf(c))),
    idAt: CHAIN_COLUMNS_V2[t].indexOf('id'),
    detail: CHAIN_DETAIL[t].columns.map((c) => cols.indexOf(c)),
    carrier,
    others,
  };
}

/** SQLite's refusals that mean the head moved (better-sqlite3 SqliteError.code): an id taken, or the guard's NULL. */
const headMoved = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_NOTNULL';
};

/**
 * Per handle, while a chainBatch runs: the tables whose head a fully guarded insert has checked (and every insert
 * since has carried forward) inside that batch's write transaction.
 */
const batches = new WeakMap<Db, Set<ChainTable>>();

/**
 * Runs `fn`, the body of one write transaction (a group commit of the monitor), with the guard checked in full once
 * per table: the first chained row of each table goes in with the whole guard (the table's last row is the head,
 * with that hash), and the rows after it with the light one (the table's last row is still the head's id). Once a
 * row is written, this connection holds SQLite's write lock until the transaction ends: no other connection or
 * process can write, and one that committed since this transaction's snapshot makes SQLite refuse the write
 * outright (SQLITE_BUSY_SNAPSHOT). So only this handle can move the head meanwhile: its own chained inserts, which
 * move the head in memory too, and a savepoint rolled back, which removes rows, so the last row's id is no longer
 * the head's: the light guard refuses, the head is read again and the row retried under the whole guard. (Within
 * the batch no row of a chained table may be written except by insertChained, as everywhere in this program.)
 * Outside a transaction, or inside another chainBatch, `fn` just runs. The batch ends with `fn`: the next one
 * checks the whole guard again, as a rolled-back transaction or another process's commits may lie in between.
 */
export function chainBatch<T>(db: Db, fn: () => T): T {
  if (!db.inTransaction || batches.has(db)) return fn();
  batches.set(db, new Set());
  try {
    return fn();
  } finally {
    batches.delete(db);
  }
}

/**
 * Inserts one row as the next link of its chain (format 2, core/chain.ts), in one statement: the id, the detail
 * digest and the row digest are computed here from the values as inserted, off the head this handle keeps in
 * memory, and the row goes in with the explicit id head + 1. The statement carries its guard, checked by SQLite
 * under the write lock before the row goes in: the table's last row is still that head, with that hash (inside a
 * chainBatch, after the table's first row, that its id is still the head's: see there). Anything
 * that moved the head since (another process's commit, a savepoint or transaction of ours rolled back, a crash,
 * an unchained row written around the store) makes SQLite refuse the row (the guard gives a NOT NULL column
 * NULL; an id taken is refused by the INTEGER PRIMARY KEY): that aborts this one statement and not the
 * transaction, the head is read again and the insert retried under the whole guard, so the chain never forks.
 * `cols` are the inserted columns (fixed per table for a handle), `conflict` an optional
 * `ON CONFLICT ... DO NOTHING`. Returns the new id, or undefined when the conflict clause dropped the row.
 */
export function insertChained(db: Db, t: ChainTable, cols: readonly string[], values: readonly Cell[], conflict = ''): number | undefined {
  let perDb = writers.get(db);
  if (!perDb) writers.set(db, (perDb = {}));
  const w = (perDb[t] ??= writer(db, t, cols, conflict));
  if (w.cols !== cols) throw new Error(`insertChained(${t}): one column list per table`);
  // The values as SQLite will hand them back (a copy only when some text is not well-formed UTF-16: rare).
  let kept = values;
  for (const v of values) {
    if (typeof v === 'string' && !(v as Es2024String).isWellFormed()) {
      kept = values.map((x) => stored(w, x));
      break;
    }
  }
  const dh = detailHashOf(t, w.detail.length === 1 ? [kept[w.detail[0]!]] : w.detail.map((i) => kept[i]));
  const canon: ChainValue[] = [];
  for (const i of w.canon) canon.push(i >= 0 ? kept[i]! : i === -2 ? dh : null);
  const batch = batches.get(db);
  for (let attempt = 0; attempt < 100; attempt++) {
    const head = (w.head ??= readHead(db, t));
    const id = head.id + 1;
    canon[w.idAt] = id;
    const rh = rowDigestHex(t, head.hash, canon);
    // A retry always takes the whole guard: the head was just read again.
    const light = attempt === 0 && batch !== undefined && batch.has(t) && db.inTransaction;
    // Row 0 never exists, so an empty table's guard is "no last row (NULL IS NULL) and no row 0 (NULL IS NULL)".
    const args: Cell[] = [id];
    for (const i of w.others) args.push(values[i]!);
    args.push(head.id === 0 ? null : head.id);
    if (!light) args.push(head.id, head.id === 0 ? null : head.hash);
    args.push(values[w.carrier]!, dh, rh);
    try {
      if ((light ? w.light : w.ins).run(...args).changes === 1) {
        w.head = { id, hash: rh };
        batch?.add(t);
        return id;
      }
      return undefined; // the conflict clause dropped the row (only a dedupe conflict inserts nothing without an error)
    } catch (e) {
      if (!headMoved(e)) throw e;
      const now = readHead(db, t);
      w.head = now;
      if (now.id === head.id && now.hash === head.hash) throw e; // the head held: the refusal was the row's own (a NULL where none may be)
    }
  }
  throw new Error(`${t}: the chain head kept moving; row not written`);
}

/** The migration step (landed, format 1): hash columns on both tables, and the rows already there chained once, in order. */
export function chainMigration(db: Db): void {
  db.exec(`
    ALTER TABLE events ADD COLUMN payload_hash TEXT;
    ALTER TABLE events ADD COLUMN row_hash TEXT;
    ALTER TABLE audit ADD COLUMN detail_hash TEXT;
    ALTER TABLE audit ADD COLUMN row_hash TEXT;
  `);
  for (const t of CHAIN_TABLES) chainAfterLast(db, t, 'row_hash', writeHashesV1);
}

export type { ChainFault } from '../core/chain.js';

/** One chain checked, and the first row that does not match. */
export interface ChainCheck extends ChainSummary {
  /** The first row that does not match, and why. */
  bad?: { id: number; fault: ChainFault };
}

/** Walks one chain from its first row, over both formats: every row hash recomputed, every detail not blanked checked against its hash. */
export function verifyChain(db: Db, t: ChainTable): ChainCheck {
  const hashCol = CHAIN_DETAIL[t].hash;
  const digestCol = CHAIN_DIGEST[t];
  const v2 = hasDigests(db, t) ? `, ${hexOf(digestCol)} AS ${digestCol}, ${hexOf('row_digest')} AS row_digest` : '';
  const page = db.prepare(`SELECT ${readColumns(t)}, ${hashCol}${v2} FROM ${t} WHERE id > ? ORDER BY id LIMIT ${BATCH}`);
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
      const compact = r.row_digest !== undefined && r.row_digest !== null;
      const kept = compact ? r[digestCol] : r[hashCol];
      if ((compact ? r.row_digest : r.row_hash) === null || kept === null || kept === undefined) return fail('unchained');
      if (detailHash(t, r) !== kept) {
        if (!detailBlanked(t, r)) return fail('detail');
        blanked++;
      }
      const h = compact ? rowDigestHex(t, prev, CHAIN_COLUMNS_V2[t].map((c) => r[c] as ChainValue)) : rowHash(t, prev, r);
      if (h !== (compact ? r.row_digest : r.row_hash)) return fail('row_hash');
      prev = h;
    }
    after = batch[batch.length - 1]!.id;
  }
}

/** Each chain's length and last row. */
export type ChainHeads = Record<ChainTable, { rows: number; id: number | null; hash: string | null }>;

/** Each chain's length and last row (id and hash, lower-case hex whatever its format), for the backup log: a copy of the log kept elsewhere pins them. */
export function chainHeads(db: Db): ChainHeads {
  const head = (t: ChainTable) => {
    const last = db.prepare(`SELECT id, ${rowHashSql(db, t)} AS h FROM ${t} ORDER BY id DESC LIMIT 1`).get() as { id: number; h: string | null } | undefined;
    const rows = db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number;
    return { rows, id: last?.id ?? null, hash: last?.h ?? null };
  };
  return { events: head('events'), audit: head('audit') };
}
