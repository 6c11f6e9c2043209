/**
 * Statements prepared once per database handle. `db.prepare` parses and plans the SQL each time (10-25 µs,
 * a hundred times a plain indexed read); the monitor's rarer steps (a new case, a chat turned campaign group,
 * a reminder noted) used to pay it on every call, inside the batch's write transaction (issue 20).
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './handle.js';

const perDb = new WeakMap<Db, Map<string, Statement>>();

/**
 * The statement for `sql` on `db`, prepared on first use and kept while the handle lives. Give each call site
 * its own SQL text: a statement's mode (`pluck`, `raw`) is part of what is kept.
 */
export function prepared(db: Db, sql: string): Statement {
  let stmts = perDb.get(db);
  if (!stmts) perDb.set(db, (stmts = new Map()));
  let s = stmts.get(sql);
  if (!s) stmts.set(sql, (s = db.prepare(sql)));
  return s;
}
