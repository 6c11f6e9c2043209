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

/**
 * The audit row for something the bot deleted or blanked by itself (retention, pruning, expiry): actor `system`,
 * action `retention`, what went and by which rule in `args`, what kind and how many in `result`. Written in the
 * same transaction as a database deletion, and after files are gone from the disk (a crash in between loses the
 * row, never records a deletion that did not happen). Callers write none when nothing went.
 */
export function auditRemoval(db: Db, at: number, args: string, result: string): void {
  audit(db, { at, actor: 'system', action: 'retention', allowed: true, args, result });
}

/** `3 files, 5120 bytes`: how deleted files are counted in `auditRemoval` results. */
export function filesAndBytes(n: number, bytes: number): string {
  return `${n} file${n === 1 ? '' : 's'}, ${bytes} bytes`;
}
