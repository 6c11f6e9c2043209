/**
 * One running bot per database. Two `start`s on one database would each run a
 * scheduler and a dispatcher on the same outbox, so reminders and sends could go
 * out twice. The lock is a small SQLite file next to the database
 * (`DATABASE_PATH.lock`) on which the running bot keeps a write transaction
 * open: SQLite's own file lock, which the operating system releases when the
 * process ends in any way (exit, crash, kill -9), so a lock is never left stale.
 * The file also says who holds it, for the refusal message.
 */
import Database from 'better-sqlite3';
import { dirname } from 'node:path';
import { ensurePrivateDir, touchPrivateFile } from './private-files.js';

/** Who holds the lock, as that process recorded it. */
export interface LockHolder {
  pid: number;
  startedAt: number;
}

/** A held lock; `release()` ends it (idempotent). */
export interface InstanceLock {
  readonly path: string;
  release(): void;
}

/** The lock file of a database. */
export const lockPathFor = (dbPath: string): string => `${dbPath}.lock`;

const isBusy = (err: unknown): boolean => /^SQLITE_(BUSY|LOCKED)/.test((err as { code?: string }).code ?? '');

/**
 * Takes the lock of the database at `dbPath`, or says who holds it. `:memory:` has nothing to share.
 * Throws only for a lock file that cannot be created or read at all.
 */
export function acquireInstanceLock(dbPath: string, now: number, pid = process.pid): { ok: true; lock: InstanceLock } | { ok: false; holder: LockHolder | undefined } {
  if (dbPath === ':memory:') return { ok: true, lock: { path: dbPath, release: () => undefined } };
  const path = lockPathFor(dbPath);
  ensurePrivateDir(dirname(path));
  touchPrivateFile(path);
  // timeout 0: a lock held elsewhere is answered at once, not waited for.
  const db = new Database(path, { timeout: 0 });
  const refuse = () => {
    let holder: LockHolder | undefined;
    try {
      holder = db.prepare('SELECT pid, started_at AS startedAt FROM holder').get() as LockHolder | undefined;
    } catch {
      holder = undefined; // written by a holder that has not committed yet
    }
    db.close();
    return { ok: false as const, holder };
  };
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (err) {
    if (isBusy(err)) return refuse();
    db.close();
    throw err;
  }
  try {
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, started_at INTEGER NOT NULL)');
    db.exec('DELETE FROM holder');
    db.prepare('INSERT INTO holder (pid, started_at) VALUES (?, ?)').run(pid, now);
    db.exec('COMMIT');
    // Held from here until release or the end of the process: another BEGIN IMMEDIATE answers SQLITE_BUSY.
    db.exec('BEGIN IMMEDIATE');
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    if (isBusy(err)) return refuse();
    db.close();
    throw err;
  }
  let held = true;
  return {
    ok: true,
    lock: {
      path,
      release: () => {
        if (!held) return;
        held = false;
        if (db.inTransaction) db.exec('ROLLBACK');
        db.close();
      },
    },
  };
}
