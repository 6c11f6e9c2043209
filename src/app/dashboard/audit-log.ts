/** The audit log as the dashboard filters it: by actor, action, outcome and period, newest first, paged. */
import type { App } from '../app.js';
import { flushLoginRefusals } from '../../store/login-refusals.js';
import { listAudit, type AuditRow } from '../office/audit.js';

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
export type AuditLine = AuditRow;

/** One page of the audit log (the office use case, with the dashboard's names for the period). */
export function auditPage(app: App, q: AuditQuery): { total: number; rows: AuditLine[] } {
  const { from, to, ...rest } = q;
  // Refused-login counters whose window has ended become their summary rows before anyone reads the log.
  flushLoginRefusals(app.db, app.clock());
  return listAudit(app.db, { ...rest, since: from, until: to });
}
