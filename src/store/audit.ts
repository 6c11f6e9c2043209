/** The audit log: every admin command and every refused attempt, who and when. Each row is chained (store/chain.ts). */
import { insertChained } from './chain.js';
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

const COLUMNS = ['at', 'actor', 'platform', 'action', 'args', 'allowed', 'result'] as const;

/** Appends an audit entry, chained in the same statement. */
export function audit(db: Db, e: AuditEntry): void {
  insertChained(db, 'audit', COLUMNS, [e.at, e.actor, e.platform ?? null, e.action, e.args ?? null, e.allowed ? 1 : 0, e.result ?? null]);
}
