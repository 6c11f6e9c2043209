/**
 * Dashboard login links and sessions. Tokens are random 256-bit values given
 * to the browser; only their SHA-256 is stored, so a copy of the database
 * cannot be used to log in.
 */
import { createHash, randomBytes } from 'node:crypto';
import { auditRemoval } from './audit.js';
import type { Db } from './db.js';

/** A fresh random token (base64url, 43 characters). */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** The stored form of a token. */
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Why a link could not be used. */
export type LinkRefusal = 'unknown' | 'used' | 'expired';

/** A live session. */
export interface DashboardSession {
  admin: string;
  /** The admin's name in chat when the link was asked for (`/dasbor`); absent for `dashboard-link` links. */
  adminName?: string;
  createdAt: number;
  expiresAt: number;
}

/** Reads and writes `dashboard_links` and `dashboard_sessions`. */
export class DashboardAuthStore {
  constructor(private readonly db: Db) {}

  /** Stores a new one-time link for `admin` (with their chat name, when known); returns its token. */
  createLink(admin: string, now: number, ttlMs: number, adminName?: string): string {
    const token = newToken();
    this.db.transaction(() => {
      this.db
        .prepare(`INSERT INTO dashboard_links (token_hash, admin, admin_name, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`)
        .run(tokenHash(token), admin, adminName?.trim().slice(0, 100) || null, now, now + ttlMs);
      // Old links are of no use to anyone: keep the table small. Which links were used is on the audit log
      // ('dashboard login'); their deletion is too, in the same transaction.
      const gone = this.db.prepare(`DELETE FROM dashboard_links WHERE expires_at < ?`).run(now - 86_400_000).changes;
      if (gone) auditRemoval(this.db, now, 'dashboard login links expired more than a day ago', `dashboard login links deleted: ${gone}`);
    })();
    return token;
  }

  /** Whether a link could be used now, without using it (the page a link opens, and link previews). */
  linkState(token: string, now: number): { ok: true; admin: string } | { ok: false; reason: LinkRefusal } {
    const row = this.db.prepare(`SELECT admin, expires_at, used_at FROM dashboard_links WHERE token_hash = ?`).get(tokenHash(token)) as
      | { admin: string; expires_at: number; used_at: number | null }
      | undefined;
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.used_at !== null) return { ok: false, reason: 'used' };
    if (row.expires_at <= now) return { ok: false, reason: 'expired' };
    return { ok: true, admin: row.admin };
  }

  /** Marks a link used, once; the admin it was made for, or why not. */
  useLink(token: string, now: number): { ok: true; admin: string; adminName?: string } | { ok: false; reason: LinkRefusal } {
    return this.db.transaction(() => {
      const h = tokenHash(token);
      const row = this.db.prepare(`SELECT admin, admin_name, expires_at, used_at FROM dashboard_links WHERE token_hash = ?`).get(h) as
        | { admin: string; admin_name: string | null; expires_at: number; used_at: number | null }
        | undefined;
      if (!row) return { ok: false as const, reason: 'unknown' as const };
      if (row.used_at !== null) return { ok: false as const, reason: 'used' as const };
      if (row.expires_at <= now) return { ok: false as const, reason: 'expired' as const };
      this.db.prepare(`UPDATE dashboard_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL`).run(now, h);
      return { ok: true as const, admin: row.admin, adminName: row.admin_name ?? undefined };
    })();
  }

  /** Starts a session for `admin`; returns its token. */
  createSession(admin: string, now: number, ttlMs: number, adminName?: string): string {
    const token = newToken();
    this.db.transaction(() => {
      this.db
        .prepare(`INSERT INTO dashboard_sessions (token_hash, admin, admin_name, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`)
        .run(tokenHash(token), admin, adminName ?? null, now, now + ttlMs);
      // Sessions that ended long ago go; logins and logouts stay on the audit log, and so does this deletion.
      const gone = this.db.prepare(`DELETE FROM dashboard_sessions WHERE expires_at < ?`).run(now - 30 * 86_400_000).changes;
      if (gone) auditRemoval(this.db, now, 'dashboard sessions expired more than 30 days ago', `dashboard sessions deleted: ${gone}`);
    })();
    return token;
  }

  /** The live session of a token, or undefined (unknown, ended or expired). */
  session(token: string, now: number): DashboardSession | undefined {
    const r = this.db
      .prepare(`SELECT admin, admin_name, created_at, expires_at FROM dashboard_sessions WHERE token_hash = ? AND ended_at IS NULL AND expires_at > ?`)
      .get(tokenHash(token), now) as { admin: string; admin_name: string | null; created_at: number; expires_at: number } | undefined;
    return r && { admin: r.admin, adminName: r.admin_name ?? undefined, createdAt: r.created_at, expiresAt: r.expires_at };
  }

  /** Ends one session (logout). */
  endSession(token: string, now: number, reason: string): boolean {
    return this.db.prepare(`UPDATE dashboard_sessions SET ended_at = ?, end_reason = ? WHERE token_hash = ? AND ended_at IS NULL`).run(now, reason, tokenHash(token)).changes === 1;
  }

  /** Ends every live session of admins not in `admins`; returns how many ended. */
  endSessionsExcept(admins: readonly string[], now: number, reason: string): number {
    const keep = JSON.stringify(admins);
    return this.db
      .prepare(`UPDATE dashboard_sessions SET ended_at = ?, end_reason = ? WHERE ended_at IS NULL AND admin NOT IN (SELECT value FROM json_each(?))`)
      .run(now, reason, keep).changes;
  }
}
