/**
 * Titles, names and excerpts stored before the monitor cleaned them (src/core/text/label.ts) may still
 * hold line breaks or bidi controls, and follow-ups, digests and reports read them from here. This
 * cleans them once per database (kv flag), in one transaction; rows of plain ASCII are not even read.
 */
import { cleanLabel } from '../core/text/label.js';
import type { Db } from './db.js';
import { kvGet, kvSet } from './kv.js';

const DONE_KEY = 'labels.cleaned.v1';

/** Which columns hold a stranger's label, and the longest each keeps. */
const COLUMNS: readonly { table: string; key: string; column: string; max: number }[] = [
  { table: 'chats', key: 'rowid', column: 'title', max: 128 },
  { table: 'incidents', key: 'id', column: 'added_by_name', max: 128 },
  { table: 'incident_findings', key: 'id', column: 'actor_name', max: 128 },
  { table: 'incidents', key: 'id', column: 'excerpt', max: Number.MAX_SAFE_INTEGER },
  { table: 'incident_findings', key: 'id', column: 'excerpt', max: Number.MAX_SAFE_INTEGER },
];

/** Cleans the stored labels unless done before; returns how many values changed. */
export function cleanStoredLabels(db: Db, now: number): number {
  if (kvGet(db, DONE_KEY) !== undefined) return 0;
  // IMMEDIATE: the write lock first, so another process writing meanwhile cannot void the read (SQLITE_BUSY_SNAPSHOT).
  return db.transaction(() => {
    let changed = 0;
    for (const c of COLUMNS) {
      // GLOB '*[^ -~]*': anything outside printable ASCII (line breaks, tabs, every non-ASCII character).
      const rows = db.prepare(`SELECT ${c.key} AS k, ${c.column} AS v FROM ${c.table} WHERE ${c.column} GLOB '*[^ -~]*'`).all() as { k: number; v: string }[];
      const update = db.prepare(`UPDATE ${c.table} SET ${c.column} = ? WHERE ${c.key} = ?`);
      for (const r of rows) {
        const clean = cleanLabel(r.v, c.max);
        if (clean !== r.v) changed += update.run(clean === '' ? null : clean, r.k).changes;
      }
    }
    kvSet(db, DONE_KEY, String(changed), now);
    return changed;
  }).immediate();
}
