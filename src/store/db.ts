/**
 * Opens the SQLite database with the pragmas the bot relies on and brings the
 * schema up to date. Every other store module receives the `Db` from here.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS } from './migrations.js';
import type { Db } from './handle.js';
import { ensurePrivateDir, makePrivate, touchPrivateFile } from './private-files.js';

/** The handle type lives in handle.ts (so chain.ts and migrations.ts need not import this file); callers import it from here. */
export type { Db } from './handle.js';

/**
 * Opens (creating if needed) the database at `path`, or `:memory:` for tests. A new database is
 * created owner-only (folder 0700, file 0600); SQLite gives its -wal and -shm files the same mode.
 */
export function openDb(path: string): Db {
  const fresh = path !== ':memory:' && !existsSync(path);
  if (fresh) {
    ensurePrivateDir(dirname(path));
    touchPrivateFile(path);
  }
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  if (fresh) for (const side of ['-wal', '-shm']) if (existsSync(path + side)) makePrivate(path + side);
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/** Applies pending migrations, each in its own transaction, tracked by `PRAGMA user_version`. */
export function migrate(db: Db): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`database schema version ${current} is newer than this program knows (${MIGRATIONS.length}); upgrade Jaga Netral`);
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    const step = MIGRATIONS[v]!;
    // A step that rebuilds a table others refer to runs with foreign keys off (they cannot be switched inside a
    // transaction), as SQLite's "making other kinds of table schema changes" says, and checks them before committing.
    const fkOff = typeof step === 'string' && /^\s*-- foreign_keys: off/.test(step) && db.pragma('foreign_keys', { simple: true }) === 1;
    if (fkOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        if (typeof step === 'string') db.exec(step);
        else step(db);
        if (fkOff && (db.pragma('foreign_key_check') as unknown[]).length) throw new Error(`migration ${v + 1} left foreign keys broken`);
        db.pragma(`user_version = ${v + 1}`);
      })();
    } finally {
      if (fkOff) db.pragma('foreign_keys = ON');
    }
  }
  return MIGRATIONS.length;
}

/** Current time in epoch ms; the one place store code asks the clock when none is passed. */
export const nowMs = (): number => Date.now();
