/**
 * The one writer of files that hold personal data (the database, its backups,
 * reports, mass-event and refused-alert lists, exports, evidence): created
 * readable by their owner only, folders 0700, files 0600, whatever the process
 * umask. Existing folders the operator made are left as they are; the bot's
 * own folders (reports) are made owner-only even when an older version left
 * them open.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';

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
