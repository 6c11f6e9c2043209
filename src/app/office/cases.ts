/**
 * Case tasks for Humas staff outside chat: list cases with filters and
 * paging, show one with its findings, exempt and reopen (the same rules as
 * `/kecualikan` and `/buka`, see lifecycle.ts), each change audited with its actor.
 */
import { actorText } from '../../core/actor.js';
import type { Platform } from '../../core/ids.js';
import { auditResult } from '../../core/messages/audit-result.js';
import type { IncidentKind, IncidentStatus } from '../../core/types.js';
import type { IncidentDbRow, IncidentRow } from '../../store/incidents.js';
import { toIncident } from '../../store/incidents.js';
import type { EvidenceFinding } from '../../store/evidence.js';
import type { App } from '../app.js';
import { exemptCase, reopenCase, type CaseChange } from '../lifecycle.js';
import { auditOffice, clampLimit } from './audit.js';

/** Status filter words: a stored status, or `closed` for every status but open. `exempt` is accepted for `exempted`. */
export type CaseStatusFilter = IncidentStatus | 'closed';

/** Parses a status word from a command line or a form; undefined if unknown. */
export function parseCaseStatus(s: string): CaseStatusFilter | undefined {
  const v = s.trim().toLowerCase();
  const map: Record<string, CaseStatusFilter> = {
    open: 'open', terbuka: 'open', closed: 'closed', selesai: 'closed', tutup: 'closed',
    exempt: 'exempted', exempted: 'exempted', dikecualikan: 'exempted', left: 'left', keluar: 'left', expired: 'expired', kedaluwarsa: 'expired',
  };
  return map[v];
}

/** A case list query. `from`/`to` bound the opening time (epoch ms, `to` exclusive). */
export interface CaseQuery {
  status?: CaseStatusFilter;
  unit?: string;
  platform?: Platform;
  kind?: IncidentKind;
  from?: number;
  to?: number;
  offset?: number;
  limit?: number;
}

/** A case with the names people read. */
export interface CaseView extends IncidentRow {
  asnName: string;
  unit: string;
  chatTitle: string;
  /** Who added or tagged the ASN as Humas reads it (`Name (+62…)`, core/actor.ts), or null. */
  addedBy: string | null;
  /** The Telegram username the case matched by alone (table incident_unverified); undefined for any other case. */
  unverified?: string;
}

/** One finding of a case (the first one opened it): the dossier's finding without its event. */
export type CaseFindingView = Omit<EvidenceFinding, 'event'>;

/** A case in detail: its findings and the messages queued about it. */
export interface CaseDetail extends CaseView {
  findings: CaseFindingView[];
  messages: { kind: string; platform: string; status: string; createdAt: number; sentAt: number | null; lastError: string | null }[];
}

type ViewRow = IncidentDbRow & { asn_name: string | null; asn_unit: string | null; chat_title: string | null; unverified_username: string | null };

// The "belum terverifikasi" mark comes with each row (by incident_unverified's key), not by one query per row.
const SELECT_VIEW = `SELECT i.*, a.nama AS asn_name, a.unit AS asn_unit, c.title AS chat_title, u.username AS unverified_username
  FROM incidents i LEFT JOIN asn a ON a.nip = i.asn_nip LEFT JOIN chats c ON c.platform = i.platform AND c.chat_id = i.chat_id
  LEFT JOIN incident_unverified u ON u.incident_id = i.id`;

const toView = (r: ViewRow): CaseView => ({
  ...toIncident(r),
  asnName: r.asn_name ?? r.asn_nip,
  unit: r.asn_unit ?? '-',
  chatTitle: r.chat_title ?? r.chat_id,
  addedBy: actorText({ id: r.added_by_id, name: r.added_by_name, lid: r.added_by_lid }) ?? null,
  ...(r.unverified_username !== null ? { unverified: r.unverified_username } : {}),
});

/** One page of cases, newest first. */
export function listCases(app: App, q: CaseQuery = {}): { total: number; offset: number; rows: CaseView[] } {
  const params = {
    status: q.status && q.status !== 'closed' ? q.status : null,
    closed: q.status === 'closed' ? 1 : 0,
    unit: q.unit?.trim() || null,
    platform: q.platform ?? null,
    kind: q.kind ?? null,
    from: q.from ?? null,
    to: q.to ?? null,
  };
  const where = `WHERE (@status IS NULL OR i.status = @status) AND (@closed = 0 OR i.status <> 'open')
    AND (@unit IS NULL OR a.unit = @unit COLLATE NOCASE) AND (@platform IS NULL OR i.platform = @platform)
    AND (@kind IS NULL OR i.kind = @kind) AND (@from IS NULL OR i.opened_at >= @from) AND (@to IS NULL OR i.opened_at < @to)`;
  const total = app.db
    .prepare(`SELECT COUNT(*) FROM incidents i LEFT JOIN asn a ON a.nip = i.asn_nip ${where}`)
    .pluck()
    .get(params) as number;
  const offset = Math.max(0, Math.floor(q.offset ?? 0));
  const rows = app.db
    .prepare(`${SELECT_VIEW} ${where} ORDER BY i.opened_at DESC, i.id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: clampLimit(q.limit), offset }) as ViewRow[];
  return { total, offset, rows: rows.map(toView) };
}

/** One case in detail, or undefined. */
export function getCase(app: App, id: number): CaseDetail | undefined {
  const r = app.db.prepare(`${SELECT_VIEW} WHERE i.id = ?`).get(id) as ViewRow | undefined;
  if (!r) return undefined;
  const findings = (app.db
    .prepare(`SELECT kind, at, actor_id, actor_name, actor_lid, excerpt, terms FROM incident_findings WHERE incident_id = ? ORDER BY at, id`)
    .all(id) as { kind: string; at: number; actor_id: string | null; actor_name: string | null; actor_lid: string | null; excerpt: string | null; terms: string }[])
    .map((f) => ({ kind: f.kind, at: f.at, actorId: f.actor_id, actorName: f.actor_name, actorLid: f.actor_lid, excerpt: f.excerpt, terms: JSON.parse(f.terms) as string[] }));
  const messages = (app.db
    .prepare(
      `SELECT kind, platform, status, created_at, sent_at, last_error FROM outbox
        WHERE incident_id = ? OR id IN (SELECT outbox_id FROM outbox_cases WHERE incident_id = ?) ORDER BY created_at, id`,
    )
    .all(id, id) as { kind: string; platform: string; status: string; created_at: number; sent_at: number | null; last_error: string | null }[])
    .map((m) => ({ kind: m.kind, platform: m.platform, status: m.status, createdAt: m.created_at, sentAt: m.sent_at, lastError: m.last_error }));
  return { ...toView(r), findings, messages };
}

const changeCode = (r: OfficeCaseChange): string =>
  r.ok ? 'ok' : r.reason === 'other_open' ? auditResult('other_open', 'otherId' in r && r.otherId !== undefined ? { other: r.otherId } : undefined) : r.reason;

/** A case change from the office: as in chat, plus a missing reason. */
export type OfficeCaseChange = CaseChange | { ok: false; reason: 'no_reason' };

/** Exempts an open case with a reason (required), as `/kecualikan` does; audited. */
export function exemptCaseBy(app: App, id: number, reason: string, actor: string, now: number = app.clock()): OfficeCaseChange {
  const why = reason.trim().slice(0, 500);
  return app.db.transaction((): OfficeCaseChange => {
    const out: OfficeCaseChange = why ? exemptCase(app, id, why, actor, now) : { ok: false, reason: 'no_reason' };
    auditOffice(app.db, actor, 'cases exempt', `${id} ${why}`.trim(), changeCode(out), now);
    return out;
  })();
}

/** Reopens a closed case, as `/buka` does; audited. */
export function reopenCaseBy(app: App, id: number, actor: string, now: number = app.clock()): CaseChange {
  return app.db.transaction(() => {
    const out = reopenCase(app, id, actor, now);
    auditOffice(app.db, actor, 'cases reopen', String(id), changeCode(out), now);
    return out;
  })();
}
