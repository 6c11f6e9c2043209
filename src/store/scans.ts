/**
 * Member scans: "check who is already inside this group", kept in SQLite so a
 * scan asked for in the same transaction as its cause survives a crash and a
 * long Telegram walk over the registry resumes where it stopped.
 */
import type { Platform } from '../core/ids.js';
import type { Db } from './db.js';

/** One pending scan. `token` is part of each finding's dedupe key: a new request scans again. */
export interface ScanRow {
  platform: Platform;
  chatId: string;
  token: number;
  afterNip: string | null;
}

/** Reads and writes the member_scans table. */
export class ScanStore {
  /** Scans requested through this store since it was created; lets callers wake the workers. */
  requested = 0;
  private readonly requestStmt;
  constructor(private readonly db: Db) {
    this.requestStmt = db.prepare(
      `INSERT INTO member_scans (platform, chat_id, token, after_nip, requested_at) VALUES (?, ?, ?, NULL, ?)
       ON CONFLICT(platform, chat_id) DO UPDATE SET token = excluded.token, after_nip = NULL, requested_at = excluded.requested_at`,
    );
  }

  /** Asks for a (re)scan of a chat; a scan already running for it starts over under the new token. */
  request(platform: Platform, chatId: string, now: number): void {
    this.requestStmt.run(platform, chatId, now, now);
    this.requested++;
  }

  /** Pending scans of a platform, oldest first. */
  pending(platform: Platform): ScanRow[] {
    return (
      this.db.prepare(`SELECT chat_id, token, after_nip FROM member_scans WHERE platform = ? ORDER BY requested_at`).all(platform) as {
        chat_id: string;
        token: number;
        after_nip: string | null;
      }[]
    ).map((r) => ({ platform, chatId: r.chat_id, token: r.token, afterNip: r.after_nip }));
  }

  /** Remembers the last ASN checked; false if the scan was replaced or finished meanwhile. */
  progress(s: ScanRow, afterNip: string): boolean {
    return this.db.prepare(`UPDATE member_scans SET after_nip = ? WHERE platform = ? AND chat_id = ? AND token = ?`).run(afterNip, s.platform, s.chatId, s.token).changes === 1;
  }

  /** Ends a scan (unless a newer request replaced it). */
  finish(s: ScanRow): void {
    this.db.prepare(`DELETE FROM member_scans WHERE platform = ? AND chat_id = ? AND token = ?`).run(s.platform, s.chatId, s.token);
  }

  /** Drops a pending scan (the group is no longer a campaign group, or the bot left). */
  cancel(platform: Platform, chatId: string): void {
    this.db.prepare(`DELETE FROM member_scans WHERE platform = ? AND chat_id = ?`).run(platform, chatId);
  }

  /** Moves pending scans to a migrated chat's new id. */
  retarget(platform: Platform, from: string, to: string): void {
    this.db.prepare(`UPDATE OR REPLACE member_scans SET chat_id = ? WHERE platform = ? AND chat_id = ?`).run(to, platform, from);
  }
}
