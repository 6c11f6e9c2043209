/**
 * The one writer of files that hold personal data (the database, its backups,
 * reports, mass-event and refused-alert lists, exports, evidence): created
 * readable by their owner only, folders 0700, files 0600, whatever the process
 * umask. Existing folders the operator made are left as they are; the bot's
 * own folders (reports) are made owner-only even when an older version left
 * them open.
 */
import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';

/** Owner-only modes. */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` (and missing parents) owner-only; an existing folder is not touched. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** Creates `dir` owner-only, and makes it owner-only if it exists: for folders only the bot writes into (reports). */
export function ensureOwnPrivateDir(dir: string): void {
  ensurePrivateDir(dir);
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Creates an empty owner-only file at `path` if there is none, so whatever writes it next keeps that mode. */
export function touchPrivateFile(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
}

/** Writes `data` to `path` and leaves it owner-only (also when it replaced an older file). */
export function writePrivateFile(path: string, data: string | Uint8Array): void {
  writeFileSync(path, data, { mode: PRIVATE_FILE_MODE });
  chmodSync(path, PRIVATE_FILE_MODE);
}

/** Makes a file written by a library (SQLite backup, exceljs) owner-only. */
export function makePrivate(path: string): void {
  chmodSync(path, PRIVATE_FILE_MODE);
}

/** What a removal took off the disk: files that were there and are gone now, their size, and paths that would not go. */
export interface RemovedFiles {
  files: number;
  bytes: number;
  /** Paths that were there and could not be removed (left out of `files` and `bytes`). */
  failed: string[];
}

/**
 * Deletes these files and says how many were there and how big they were: a path already gone counts for nothing,
 * and one that could not be removed is named in `failed`, so what the audit log is told afterwards
 * (store/audit.ts auditRemoval) is what this call really removed. `extra` suffixes (a backup's `-wal` and `-shm`)
 * go with each path and add their bytes, not to the file count.
 */
export function removeFiles(paths: readonly string[], extra: readonly string[] = []): RemovedFiles {
  const r: RemovedFiles = { files: 0, bytes: 0, failed: [] };
  const remove = (path: string): number | undefined => {
    const size = sizeOf(path);
    if (size === undefined) return undefined;
    try {
      rmSync(path, { force: true });
      return size;
    } catch {
      r.failed.push(path);
      return undefined;
    }
  };
  for (const p of paths) {
    const size = remove(p);
    if (size !== undefined) {
      r.files += 1;
      r.bytes += size;
    }
    for (const side of extra) r.bytes += remove(p + side) ?? 0;
  }
  return r;
}

function sizeOf(path: string): number | undefined {
  try {
    return lstatSync(path).size;
  } catch {
    return undefined;
  }
}
