/**
 * Incidents (cases): one open incident per ASN and chat. Later findings extend
 * it in `incident_findings`; leaving closes it.
 */
import type { Platform } from '../core/ids.js';
import { actorIdentity } from '../core/actor.js';
import { caseReason } from '../core/messages/case-reason.js';
import type { Finding, IncidentKind, IncidentStatus } from '../core/types.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from './db.js';
import { prepared } from './statements.js';

/** One incident row, joined with its ASN for display. */
export interface IncidentRow {
  id: number;
  asnNip: string;
  platform: Platform;
  chatId: string;
  kind: IncidentKind;
  status: IncidentStatus;
  openedAt: number;
  resolvedAt: number | null;
  addedById: string | null;
  addedByName: string | null;
  /** The adder's WhatsApp LID when known (`addedById` is their phone JID once the phone is known). */
  addedByLid: string | null;
  excerpt: string | null;
  terms: string[];
  followups: number;
  lastFollowupAt: number | null;
  escalatedAt: number | null;
  statusReason: string | null;
  statusBy: string | null;
  /** When a Humas admin last reopened it; follow-up timing counts from here. */
  reopenedAt: number | null;
}

/** An incidents row as SQLite returns it (snake_case columns). */
export interface IncidentDbRow {
  id: number;
  asn_nip: string;
  platform: Platform;
  chat_id: string;
  kind: IncidentKind;
  status: IncidentStatus;
  opened_at: number;
  resolved_at: number | null;
  added_by_id: string | null;
  added_by_name: string | null;
  added_by_lid: string | null;
  excerpt: string | null;
  terms: string;
  followups: number;
  last_followup_at: number | null;
  escalated_at: number | null;
  status_reason: string | null;
  status_by: string | null;
  reopened_at: number | null;
}

/** Maps a raw incidents row to its typed form. */
export const toIncident = (r: IncidentDbRow): IncidentRow => ({
  id: r.id,
  asnNip: r.asn_nip,
  platform: r.platform,
  chatId: r.chat_id,
  kind: r.kind,
  status: r.status,
  openedAt: r.opened_at,
  resolvedAt: r.resolved_at,
  addedById: r.added_by_id,
  addedByName: r.added_by_name,
  addedByLid: r.added_by_lid ?? null,
  excerpt: r.excerpt,
  terms: JSON.parse(r.terms) as string[],
  followups: r.followups,
  lastFollowupAt: r.last_followup_at,
  escalatedAt: r.escalated_at,
  statusReason: r.status_reason,
  statusBy: r.status_by,
  reopenedAt: r.reopened_at,
});

/** The stored identity of the person behind a finding (core/actor.ts: one WhatsApp person is keyed by phone once known). */
export function actorLabel(f: Pick<Finding, 'actor'>): { id: string | null; name: string | null; lid: string | null } {
  return actorIdentity(f.actor);
}

/** Reads and writes incidents and their findings. */
export class IncidentStore {
  private readonly openStmt;
  private readonly openBriefStmt;
  private readonly insertStmt;
  private readonly findingStmt;
  private readonly pnOfLid;
  constructor(private readonly db: Db) {
    this.pnOfLid = db.prepare(`SELECT pn FROM wa_lid_map WHERE lid = ?`).pluck();
    this.openStmt = db.prepare(`SELECT * FROM incidents WHERE asn_nip = ? AND platform = ? AND chat_id = ? AND status = 'open'`);
    this.openBriefStmt = db.prepare(`SELECT id, kind, added_by_id FROM incidents WHERE asn_nip = ? AND platform = ? AND chat_id = ? AND status = 'open'`).raw();
    this.insertStmt = db.prepare(
      `INSERT INTO incidents (asn_nip, platform, chat_id, kind, opened_at, added_by_id, added_by_name, added_by_lid, excerpt, terms, event_id, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.findingStmt = db.prepare(
      `INSERT INTO incident_findings (incident_id, kind, event_id, actor_id, actor_name, actor_lid, excerpt, terms, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /** The open incident of an ASN in a chat, if any. */
  openFor(nip: string, platform: Platform, chatId: string): IncidentRow | undefined {
    const r = this.openStmt.get(nip, platform, chatId) as IncidentDbRow | undefined;
    return r && toIncident(r);
  }

  /**
   * Opens a new incident for the finding (returned as `opened`), or extends the open one. Extending, the common case
   * (an ASN tagged again in a group where the case is open), reads three columns of the open case as an array: a
   * whole row as an object costs better-sqlite3 ~0.25 µs a column, and nobody reads it (issue 20).
   */
  record(f: Finding, eventId: number | null, now: number): { incidentId: number; opened: IncidentRow | undefined } {
    const actor = this.withKnownPhone(actorLabel(f), f.chat.platform);
    const terms = JSON.stringify(f.evidence.terms);
    const open = this.openBriefStmt.get(f.asn.nip, f.chat.platform, f.chat.id) as [id: number, kind: IncidentKind, addedById: string | null] | undefined;
    if (!open) {
      const id = Number(
        this.insertStmt.run(f.asn.nip, f.chat.platform, f.chat.id, f.kind, f.at, actor.id, actor.name, actor.lid, f.evidence.excerpt ?? null, terms, eventId, now).lastInsertRowid,
      );
      this.findingStmt.run(id, f.kind, eventId, actor.id, actor.name, actor.lid, f.evidence.excerpt ?? null, terms, f.at);
      // Matched by username alone: kept, so a summary that holds the case can still say so (unverifiedOf).
      if (f.unverified) {
        prepared(this.db, `INSERT INTO incident_unverified (incident_id, username, account_id) VALUES (?, ?, ?)`).run(id, f.unverified.username, f.unverified.accountId ?? null);
      }
      return { incidentId: id, opened: this.get(id)! };
    }
    const [id, kind, addedById] = open;
    this.findingStmt.run(id, f.kind, eventId, actor.id, actor.name, actor.lid, f.evidence.excerpt ?? null, terms, f.at);
    // Found inside first (a member scan), then the addition itself arrives: the case now says who added them.
    if (kind === 'present' && f.kind === 'added' && actor.id && addedById === null) {
      prepared(this.db, `UPDATE incidents SET added_by_id = ?, added_by_name = ?, added_by_lid = ?, updated_at = ? WHERE id = ? AND added_by_id IS NULL`).run(actor.id, actor.name, actor.lid, now, id);
    }
    return { incidentId: id, opened: undefined };
  }

  /** How a case opened on a match by Telegram username alone was matched (core/detect.ts unverifiedMatch); undefined for any other case. */
  unverifiedOf(id: number): { username: string; accountId?: string } | undefined {
    const r = prepared(this.db, `SELECT username, account_id AS accountId FROM incident_unverified WHERE incident_id = ?`).get(id) as
      | { username: string; accountId: string | null }
      | undefined;
    return r && { username: r.username, ...(r.accountId !== null ? { accountId: r.accountId } : {}) };
  }

  /**
   * The phone behind a WhatsApp LID became known (`wa_lid_map`): every case and finding whose actor was known only by
   * that LID is now keyed by the phone JID, the LID kept beside it, so one person is one actor everywhere (reports,
   * Pelaku pages, dossiers) and their phone shows. Returns how many incident and finding rows moved.
   */
  adoptActorPhone(lid: string, pnJid: string, now: number): number {
    this.adoptStmts ??= {
      incidents: this.db.prepare(`UPDATE incidents SET added_by_id = ?, added_by_lid = ?, updated_at = ? WHERE platform = 'whatsapp' AND added_by_id = ?`),
      findings: this.db.prepare(
        `UPDATE incident_findings SET actor_id = ?, actor_lid = ? WHERE actor_id = ?
           AND EXISTS (SELECT 1 FROM incidents i WHERE i.id = incident_findings.incident_id AND i.platform = 'whatsapp')`,
      ),
    };
    return this.adoptStmts.incidents.run(pnJid, lid, now, lid).changes + this.adoptStmts.findings.run(pnJid, lid, lid).changes;
  }

  private adoptStmts: { incidents: Statement; findings: Statement } | undefined;

  /** A WhatsApp actor known by LID alone whose phone is in `wa_lid_map` (learned from any source): keyed by the phone JID. */
  private withKnownPhone(a: ReturnType<typeof actorLabel>, platform: Platform): ReturnType<typeof actorLabel> {
    if (platform !== 'whatsapp' || !a.id || !a.id.endsWith('@lid')) return a;
    const pn = this.pnOfLid.get(a.id) as string | undefined;
    return pn ? { ...a, id: pn, lid: a.lid ?? a.id } : a;
  }

  /** One incident by id. */
  get(id: number): IncidentRow | undefined {
    const r = prepared(this.db, `SELECT * FROM incidents WHERE id = ?`).get(id) as IncidentDbRow | undefined;
    return r && toIncident(r);
  }

  /**
   * Moves an incident to a new status (left, exempted, expired, or back to open, which records `reopened_at`).
   * `reason` is the stored form from `caseReason` (core/messages/case-reason.ts), rendered per language when shown.
   */
  setStatus(id: number, status: IncidentStatus, at: number, reason?: string, by?: string): boolean {
    const resolvedAt = status === 'open' ? null : at;
    return (
      prepared(
        this.db,
        `UPDATE incidents SET status = ?, resolved_at = ?, status_reason = ?, status_by = ?, updated_at = ?,
           reopened_at = CASE WHEN ? = 'open' THEN ? ELSE reopened_at END WHERE id = ?`,
      ).run(status, resolvedAt, reason ?? null, by ?? null, at, status, at, id).changes === 1
    );
  }

  /** Closes the open incidents of these ASN in a chat because they left; returns the closed ones. */
  closeLeft(nips: string[], platform: Platform, chatId: string, at: number): IncidentRow[] {
    const closed: IncidentRow[] = [];
    for (const nip of nips) {
      const open = this.openFor(nip, platform, chatId);
      if (open && this.setStatus(open.id, 'left', at, caseReason('left'))) closed.push({ ...open, status: 'left', resolvedAt: at });
    }
    return closed;
  }

  /** Open incidents, oldest first. */
  listOpen(): IncidentRow[] {
    return (this.db.prepare(`SELECT * FROM incidents WHERE status = 'open' ORDER BY opened_at`).all() as IncidentDbRow[]).map(toIncident);
  }

  /**
   * One page of the open incidents, oldest first (by case number on the same instant), each with the Telegram username
   * it matched by alone (unverifiedOf) when it did: one query for a page that marks its lines (`/kasus hal N`), not
   * one more per row, and not the other pages' rows.
   */
  listOpenMarked(page: { limit: number; offset: number }): (IncidentRow & { unverified?: string })[] {
    const rows = prepared(
      this.db,
      `SELECT i.*, u.username AS unverified_username FROM incidents i LEFT JOIN incident_unverified u ON u.incident_id = i.id
        WHERE i.status = 'open' ORDER BY i.opened_at, i.id LIMIT ? OFFSET ?`,
    ).all(page.limit, page.offset) as (IncidentDbRow & { unverified_username: string | null })[];
    return rows.map((r) => ({ ...toIncident(r), ...(r.unverified_username !== null ? { unverified: r.unverified_username } : {}) }));
  }

  /** How many incidents are open (counted in the open cases' own index). */
  countOpen(): number {
    return prepared(this.db, `SELECT COUNT(*) FROM incidents WHERE status = 'open'`).pluck().get() as number;
  }

  /** Open incidents of one ASN. */
  openOf(nip: string): IncidentRow[] {
    return (this.db.prepare(`SELECT * FROM incidents WHERE status = 'open' AND asn_nip = ? ORDER BY opened_at`).all(nip) as IncidentDbRow[]).map(toIncident);
  }
}
