/** The audit log as the dashboard filters it: by actor, action, outcome and period, newest first, paged. */
import type { App } from '../app.js';

/** An audit filter; text filters match anywhere, case-insensitively. */
export interface AuditQuery {
  actor?: string;
  action?: string;
  allowed?: boolean;
  from?: number;
  to?: number;
  offset: number;
  limit: number;
}

/** One audit entry. */
export interface AuditLine {
  id: number;
  at: number;
  actor: string;
  platform: string | null;
  action: string;
  args: string | null;
  allowed: boolean;
  result: string | null;
}

const like = (s: string | undefined): string | null => (s?.trim() ? `%${s.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null);

/** One page of the audit log. */
export function auditPage(app: App, q: AuditQuery): { total: number; rows: AuditLine[] } {
  const params = {
    actor: like(q.actor),
    action: like(q.action),
    allowed: q.allowed === undefined ? null : q.allowed ? 1 : 0,
    from: q.from ?? null,
    to: q.to ?? null,
  };
  const where = `WHERE (@actor IS NULL OR actor LIKE @actor ESCAPE '\\') AND (@action IS NULL OR action LIKE @action ESCAPE '\\')
    AND (@allowed IS NULL OR allowed = @allowed) AND (@from IS NULL OR at >= @from) AND (@to IS NULL OR at < @to)`;
  const total = app.db.prepare(`SELECT COUNT(*) FROM audit ${where}`).pluck().get(params) as number;
  const rows = app.db
    .prepare(`SELECT id, at, actor, platform, action, args, allowed, result FROM audit ${where} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: q.limit, offset: q.offset }) as (Omit<AuditLine, 'allowed'> & { allowed: number })[];
  return { total, rows: rows.map((r) => ({ ...r, allowed: r.allowed === 1 })) };
}
