/** The audit log: every admin command and every refused attempt, who and when. */
import type { Db } from './db.js';

/** One audit entry. */
export interface AuditEntry {
  at: number;
  actor: string;
  platform?: string;
  action: string;
  args?: string;
  allowed: boolean;
  result?: string;
}

/** Appends an audit entry. */
export function audit(db: Db, e: AuditEntry): void {
  db.prepare(`INSERT INTO audit (at, actor, platform, action, args, allowed, result) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
    e.at, e.actor, e.platform ?? null, e.action, e.args ?? null, e.allowed ? 1 : 0, e.result ?? null,
  );
}
