/**
 * Online database backups with SQLite's backup API (safe while the bot
 * writes), named `jaga-netral-YYYYMMDD-HHMMSS.db` in UTC so names sort in time
 * order, keeping the newest N.
 */
import { readdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { EpochMs } from '../core/types.js';
import type { Db } from '../store/db.js';
import { chainHeads, type ChainHeads } from '../store/chain.js';
import { auditRemoval, filesAndBytes } from '../store/audit.js';
import { ensurePrivateDir, makePrivate, removeFiles, touchPrivateFile, type RemovedFiles } from '../store/private-files.js';

/** Backup file names this module creates (and is allowed to prune). */
export const BACKUP_NAME = /^jaga-netral-\d{8}-\d{6}\.db$/;

/** `jaga-netral-20241127-023000.db` for an instant (UTC). */
export function backupFileName(at: EpochMs): string {
  const iso = new Date(at).toISOString();
  return `jaga-netral-${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}.db`;
}

/** What a backup did. */
export interface BackupResult {
  path: string;
  /** Old backups deleted (beyond the newest `keep`). */
  removed: string[];
  /** Their size with their `-wal`/`-shm` files, and any that could not be deleted. */
  pruned: RemovedFiles;
  /** The hash chains' heads as they are in the copy: logged, so a log kept elsewhere pins them (README, "Checking the records"). */
  heads: ChainHeads;
}

/**
 * Copies the live database into `dir` (owner-only: folder 0700, file 0600) and deletes all but the newest `keep`
 * backups; once they are gone, one audit row says how many and how big (actor `system`, action `retention`), so the
 * records show when a backup Humas might have restored from stopped existing.
 */
export async function backupDatabase(db: Db, dir: string, keep: number, now: EpochMs): Promise<BackupResult> {
  ensurePrivateDir(dir);
  const path = join(dir, backupFileName(now));
  // Created owner-only before SQLite writes into it, so the copy is never readable by others, even briefly.
  touchPrivateFile(path);
  await db.backup(path);
  makePrivate(path);
  // Read-write so that closing it removes the -wal and -shm files a WAL database's reader leaves behind.
  const copy = new Database(path, { fileMustExist: true });
  let heads: ChainHeads;
  try {
    heads = chainHeads(copy);
  } finally {
    copy.close();
  }
  const { removed, pruned } = pruneBackups(dir, keep);
  if (pruned.files) auditRemoval(db, now, `backups beyond the newest ${Math.max(1, keep)} (BACKUP_KEEP) in ${dir}`, `old backups deleted: ${filesAndBytes(pruned.files, pruned.bytes)}`);
  return { path, removed, pruned, heads };
}

/** Deletes the oldest backups in `dir` beyond `keep` (with their `-wal`/`-shm` files); returns the removed paths and their size. */
export function pruneBackups(dir: string, keep: number): { removed: string[]; pruned: RemovedFiles } {
  const names = readdirSync(dir).filter((n) => BACKUP_NAME.test(n)).sort();
  const old = names.slice(0, Math.max(0, names.length - Math.max(1, keep))).map((n) => join(dir, n));
  const pruned = removeFiles(old, ['-wal', '-shm']);
  return { removed: old.filter((p) => !pruned.failed.includes(p)), pruned };
}
