/**
 * Audit entries for office tasks (command line, dashboard), written the way
 * the chat command runner writes them: who, which action, its arguments,
 * allowed, and the outcome. The actor names the channel: `cli:<os user>`,
 * `web:<login>`; its prefix is stored as the platform.
 */
import { audit } from '../../store/audit.js';
import type { Db } from '../../store/db.js';

/** Records one office action; `result` is `ok` or a short failure code. */
export function auditOffice(db: Db, actor: string, action: string, args: string | undefined, result: string, at: number): void {
  const colon = actor.indexOf(':');
  audit(db, {
    at,
    actor: actor.slice(0, 200),
    platform: colon > 0 ? actor.slice(0, colon) : undefined,
    action,
    args: args ? args.slice(0, 500) : undefined,
    allowed: true,
    result: result.slice(0, 500),
  });
}

/** One audit row as read back. */
export interface AuditRow {
  id: number;
  at: number;
  actor: string;
  platform: string | null;
  action: string;
  args: string | null;
  allowed: boolean;
  result: string | null;
}

/** An audit filter: a period (epoch ms, `until` exclusive), actor and action matched anywhere case-insensitively, allowed or refused, and a page. */
export interface AuditFilter {
  since?: number;
  until?: number;
  actor?: string;
  action?: string;
  allowed?: boolean;
  offset?: number;
  limit?: number;
}

/** `%text%` for LIKE with its wildcards escaped; blank is no filter. */
const like = (s: string | undefined): string | null => (s?.trim() ? `%${s.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null);

/** Audit entries matching the filter, newest first, with paging: the CLI's `audit` and the dashboard's `/audit`. */
export function listAudit(db: Db, q: AuditFilter = {}): { total: number; rows: AuditRow[] } {
  const params = {
    since: q.since ?? null,
    until: q.until ?? null,
    actor: like(q.actor),
    action: like(q.action),
    allowed: q.allowed === undefined ? null : q.allowed ? 1 : 0,
  };
  const where = `WHERE (@since IS NULL OR at >= @since) AND (@until IS NULL OR at < @until)
    AND (@actor IS NULL OR actor LIKE @actor ESCAPE '\\') AND (@action IS NULL OR action LIKE @action ESCAPE '\\')
    AND (@allowed IS NULL OR allowed = @allowed)`;
  const total = db.prepare(`SELECT COUNT(*) FROM audit ${where}`).pluck().get(params) as number;
  const rows = db
    .prepare(`SELECT id, at, actor, platform, action, args, allowed, result FROM audit ${where} ORDER BY at DESC, id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: clampLimit(q.limit), offset: Math.max(0, q.offset ?? 0) }) as (Omit<AuditRow, 'allowed'> & { allowed: number })[];
  return { total, rows: rows.map((r) => ({ ...r, allowed: r.allowed === 1 })) };
}

/** Page sizes: default 50, at most 1000. */
export function clampLimit(n: number | undefined, dflt = 50): number {
  if (n === undefined || !Number.isFinite(n)) return dflt;
  return Math.min(1000, Math.max(1, Math.floor(n)));
}
