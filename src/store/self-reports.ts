/**
 * Self-reports and their evidence (tables self_reports, self_report_evidence),
 * the cases they open (incidents of kind 'reported') and the receipt secret.
 */
import { randomBytes } from 'node:crypto';
import type { Platform } from '../core/ids.js';
import type { ReportCategory, ReportPlace } from '../core/self-report.js';
import { prepared } from './statements.js';
import type { Db } from './db.js';
import { kvGet } from './kv.js';

/** One stored report. */
export interface SelfReportRow {
  id: number;
  receiptNo: string;
  year: number;
  seq: number;
  sourceKey: string;
  asnNip: string;
  platform: Platform;
  reporterId: string;
  category: ReportCategory;
  place: ReportPlace;
  description: string;
  groupName: string | null;
  actorPhone: string | null;
  actorName: string | null;
  incidentId: number | null;
  signed: string;
  createdAt: number;
  resolvedAt: number | null;
  /** Videos the ASN sent with the report that were not kept (only photos and documents are): Humas is told. */
  videosNotKept: number;
}

/** One piece of evidence. */
export interface EvidenceRow {
  id: number;
  reportId: number;
  kind: 'photo' | 'document' | 'link' | 'forward' | 'invite';
  value: string | null;
  path: string | null;
  filename: string | null;
  mime: string | null;
  bytes: number | null;
  sha256: string | null;
  at: number;
}

interface RawReport {
  id: number; receipt_no: string; year: number; seq: number; source_key: string; asn_nip: string; platform: Platform; reporter_id: string;
  category: ReportCategory; place: ReportPlace; description: string; group_name: string | null; actor_phone: string | null; actor_name: string | null;
  incident_id: number | null; signed: string; created_at: number; resolved_at: number | null; videos_not_kept: number;
}

const toReport = (r: RawReport): SelfReportRow => ({
  id: r.id, receiptNo: r.receipt_no, year: r.year, seq: r.seq, sourceKey: r.source_key, asnNip: r.asn_nip, platform: r.platform, reporterId: r.reporter_id,
  category: r.category, place: r.place, description: r.description, groupName: r.group_name, actorPhone: r.actor_phone, actorName: r.actor_name,
  incidentId: r.incident_id, signed: r.signed, createdAt: r.created_at, resolvedAt: r.resolved_at, videosNotKept: r.videos_not_kept,
});

/** The kv key of the receipt secret (32 random bytes, hex), made on first use. */
export const RECEIPT_SECRET_KEY = 'receipt_secret';

/** The secret receipts' codes are HMACs with; created once per database. */
export function receiptSecret(db: Db, now: number): Buffer {
  let hex = kvGet(db, RECEIPT_SECRET_KEY);
  if (!hex) {
    hex = randomBytes(32).toString('hex');
    db.prepare(`INSERT INTO kv (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO NOTHING`).run(RECEIPT_SECRET_KEY, hex, now);
    hex = kvGet(db, RECEIPT_SECRET_KEY) ?? hex;
  }
  return Buffer.from(hex, 'hex');
}

/** What a new report row holds. */
export type NewSelfReport = Omit<SelfReportRow, 'id' | 'incidentId' | 'resolvedAt' | 'videosNotKept'> & { videosNotKept?: number };

/** Reads and writes self-reports. */
export class SelfReportStore {
  constructor(private readonly db: Db) {}

  /** The report made from one incoming message, if any (a repeated update finds it). */
  bySource(key: string): SelfReportRow | undefined {
    const r = this.db.prepare(`SELECT * FROM self_reports WHERE source_key = ?`).get(key) as RawReport | undefined;
    return r && toReport(r);
  }

  byId(id: number): SelfReportRow | undefined {
    const r = this.db.prepare(`SELECT * FROM self_reports WHERE id = ?`).get(id) as RawReport | undefined;
    return r && toReport(r);
  }

  byReceiptNo(no: string): SelfReportRow | undefined {
    const r = this.db.prepare(`SELECT * FROM self_reports WHERE receipt_no = ?`).get(no) as RawReport | undefined;
    return r && toReport(r);
  }

  byIncident(incidentId: number): SelfReportRow | undefined {
    const r = this.db.prepare(`SELECT * FROM self_reports WHERE incident_id = ? ORDER BY id LIMIT 1`).get(incidentId) as RawReport | undefined;
    return r && toReport(r);
  }

  /** The next sequence number of a year. */
  nextSeq(year: number): number {
    return ((this.db.prepare(`SELECT MAX(seq) AS n FROM self_reports WHERE year = ?`).get(year) as { n: number | null }).n ?? 0) + 1;
  }

  /** Bytes of evidence files kept for this ASN's reports after `since` (deleted files count too: they were stored). */
  bytesKeptSince(nip: string, since: number): number {
    return prepared(this.db, `SELECT COALESCE(SUM(e.bytes), 0) FROM self_report_evidence e JOIN self_reports r ON r.id = e.report_id WHERE r.asn_nip = ? AND e.at > ? AND e.bytes IS NOT NULL`)
      .pluck()
      .get(nip, since) as number;
  }

  insert(r: NewSelfReport): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO self_reports (receipt_no, year, seq, source_key, asn_nip, platform, reporter_id, category, place, description, group_name,
             actor_phone, actor_name, signed, created_at, videos_not_kept) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(r.receiptNo, r.year, r.seq, r.sourceKey, r.asnNip, r.platform, r.reporterId, r.category, r.place, r.description, r.groupName,
          r.actorPhone, r.actorName, r.signed, r.createdAt, r.videosNotKept ?? 0).lastInsertRowid,
    );
  }

  /** Opens the case of kind 'reported' for a report; `chatId` is `lapor:<receipt number>`. */
  openCase(o: { nip: string; platform: Platform; chatId: string; at: number; actorId: string | null; actorName: string | null; excerpt: string; eventId: number | null; now: number }): number {
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO incidents (asn_nip, platform, chat_id, kind, opened_at, added_by_id, added_by_name, excerpt, terms, event_id, updated_at)
           VALUES (?, ?, ?, 'reported', ?, ?, ?, ?, '[]', ?, ?)`,
        )
        .run(o.nip, o.platform, o.chatId, o.at, o.actorId, o.actorName, o.excerpt, o.eventId, o.now).lastInsertRowid,
    );
    return id;
  }

  /** Records a finding of the case (the report itself, or the person named as having added or tagged the ASN). */
  addFinding(incidentId: number, kind: string, actorId: string | null, actorName: string | null, excerpt: string | null, at: number, eventId: number | null): void {
    this.db
      .prepare(`INSERT INTO incident_findings (incident_id, kind, event_id, actor_id, actor_name, excerpt, terms, at) VALUES (?, ?, ?, ?, ?, ?, '[]', ?)`)
      .run(incidentId, kind, eventId, actorId, actorName, excerpt, at);
  }

  linkCase(reportId: number, incidentId: number): void {
    this.db.prepare(`UPDATE self_reports SET incident_id = ? WHERE id = ?`).run(incidentId, reportId);
  }

  addEvidence(e: Omit<EvidenceRow, 'id'>): void {
    this.db
      .prepare(`INSERT INTO self_report_evidence (report_id, kind, value, path, filename, mime, bytes, sha256, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(e.reportId, e.kind, e.value, e.path, e.filename, e.mime, e.bytes, e.sha256, e.at);
  }

  evidence(reportId: number): EvidenceRow[] {
    return (this.db.prepare(`SELECT * FROM self_report_evidence WHERE report_id = ? ORDER BY id`).all(reportId) as Record<string, unknown>[]).map((r) => ({
      id: r['id'] as number, reportId: r['report_id'] as number, kind: r['kind'] as EvidenceRow['kind'], value: r['value'] as string | null,
      path: r['path'] as string | null, filename: r['filename'] as string | null, mime: r['mime'] as string | null, bytes: r['bytes'] as number | null,
      sha256: r['sha256'] as string | null, at: r['at'] as number,
    }));
  }

  /** Marks a report resolved (once); true when this call did it. */
  resolve(id: number, at: number): boolean {
    return this.db.prepare(`UPDATE self_reports SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL`).run(at, id).changes === 1;
  }
}
