/** Small named values that must survive restarts (digest marks, pause flags). */
import type { Db } from './db.js';

/** Reads a value, or undefined. */
export function kvGet(db: Db, key: string): string | undefined {
  return (db.prepare(`SELECT value FROM kv WHERE key = ?`).get(key) as { value: string } | undefined)?.value;
}

/** Writes a value. */
export function kvSet(db: Db, key: string, value: string, now: number): void {
  db.prepare(`INSERT INTO kv (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`).run(key, value, now);
}

/** Removes a value. */
export function kvDelete(db: Db, key: string): void {
  db.prepare(`DELETE FROM kv WHERE key = ?`).run(key);
}

/** When the most recent processed event arrived (newest rows have the highest ids), or undefined. */
export function lastEventAt(db: Db): number | undefined {
  const r = db.prepare(`SELECT received_at AS t FROM events WHERE status = 'processed' ORDER BY id DESC LIMIT 1`).get() as { t: number } | undefined;
  return r?.t;
}
