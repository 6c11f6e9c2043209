/**
 * The hash chain's SQL side (the hashing rules are in core/chain.ts): chaining a row as it is inserted,
 * in the inserting transaction, chaining the rows of an older database once, checking both chains
 * (`jaga-netral audit verify`) and reading their heads (printed with each backup).
 */
import { CHAIN_COLUMNS, CHAIN_DETAIL, CHAIN_GENESIS, detailBlanked, detailHash, rowHash, type ChainTable } from '../core/chain.js';
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

type Stmts = { before: Statement; row: Statement; upd: Statement };
const stmts = new WeakMap<Db, Partial<Record<ChainTable, Stmts>>>();

/** Chains the row just inserted as `id` (inside the caller's transaction). */
export function chainInserted(db: Db, t: ChainTable, id: number): void {
  const perDb = stmts.get(db) ?? {};
  stmts.set(db, perDb);
  const s = (perDb[t] ??= {
    before: db.prepare(`SELECT row_hash FROM ${t} WHERE id < ? ORDER BY id DESC LIMIT 1`),
    row: db.prepare(`SELECT ${readColumns(t)} FROM ${t} WHERE id = ?`),
    upd: db.prepare(`UPDATE ${t} SET ${CHAIN_DETAIL[t].hash} = ?, row_hash = ? WHERE id = ?`),
  });
  const before = s.before.get(id) as { row_hash: string | null } | undefined;
  if (before && before.row_hash === null) {
    chainPending(db, t);
    return;
  }
  const row = s.row.get(id) as Row;
  const dh = detailHash(t, row);
  row[CHAIN_DETAIL[t].hash] = dh;
  s.upd.run(dh, rowHash(t, before?.row_hash ?? CHAIN_GENESIS, row), id);
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

/** Why a row failed the check. */
export type ChainFault = 'unchained' | 'row_hash' | 'detail';

/** One chain checked. */
export interface ChainCheck {
  table: ChainTable;
  /** Rows checked (up to and including the first bad one). */
  rows: number;
  /** Rows whose detail retention had blanked (checked by their stored hash alone). */
  blanked: number;
  /** The last row's id and hash when every row matched. */
  head?: { id: number; hash: string };
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
