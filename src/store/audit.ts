/** The audit log: every admin command and every refused attempt, who and when. Each row is chained (store/chain.ts). */
import { chainInserted } from './chain.js';
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

const writers = new WeakMap<Db, (e: AuditEntry) => void>();

/** Appends an audit entry and chains it in the same transaction. */
export function audit(db: Db, e: AuditEntry): void {
  let w = writers.get(db);
  if (!w) {
    const ins = db.prepare(`INSERT INTO audit (at, actor, platform, action, args, allowed, result) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    w = db.transaction((x: AuditEntry): void => {
      const id = Number(ins.run(x.at, x.actor, x.platform ?? null, x.action, x.args ?? null, x.allowed ? 1 : 0, x.result ?? null).lastInsertRowid);
      chainInserted(db, 'audit', id);
    });
    writers.set(db, w);
  }
  w(e);
}
