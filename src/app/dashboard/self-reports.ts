/** The dashboard's "Laporan ASN": self-reports with their ASN, case status and evidence, filtered and paged. */
import { readFileSync } from 'node:fs';
import type { ReportPlace } from '../../core/self-report.js';
import type { IncidentStatus } from '../../core/types.js';
import { readingsOfReport } from '../../store/ocr.js';
import type { App } from '../app.js';

/** One row of the list. */
export interface SelfReportListRow {
  id: number;
  receiptNo: string;
  createdAt: number;
  resolvedAt: number | null;
  nama: string;
  nip: string;
  unit: string;
  category: string;
  place: ReportPlace;
  groupName: string | null;
  description: string;
  status: IncidentStatus | null;
  caseId: number | null;
  photos: { id: number; filename: string | null }[];
  links: string[];
  /** Videos the ASN sent with the report, not kept as evidence (self_reports.videos_not_kept). */
  videosNotKept: number;
  /** What the offline OCR read from the report's pictures (group name, Pilkada verdict): machine-read. */
  machineRead: { groupName: string | null; pilkada: boolean }[];
}

/** Filters of the list. */
export interface SelfReportFilters {
  status?: 'open' | 'closed';
  place?: string;
  search?: string;
  offset: number;
  limit: number;
}

/** Self-reports, newest first. */
export function listSelfReports(app: App, f: SelfReportFilters): { rows: SelfReportListRow[]; total: number } {
  const where = `WHERE (@status IS NULL OR (@status = 'open' AND i.status = 'open') OR (@status = 'closed' AND i.status <> 'open'))
    AND (@place IS NULL OR r.place = @place)
    AND (@q IS NULL OR r.receipt_no LIKE @q OR a.nama LIKE @q OR a.unit LIKE @q OR r.description LIKE @q OR r.group_name LIKE @q)`;
  const params = { status: f.status ?? null, place: f.place ?? null, q: f.search ? `%${f.search}%` : null };
  const from = `FROM self_reports r LEFT JOIN asn a ON a.nip = r.asn_nip LEFT JOIN incidents i ON i.id = r.incident_id`;
  const total = (app.db.prepare(`SELECT COUNT(*) AS n ${from} ${where}`).get(params) as { n: number }).n;
  const raw = app.db
    .prepare(
      `SELECT r.id, r.receipt_no, r.created_at, r.resolved_at, a.nama, r.asn_nip, a.unit, r.category, r.place, r.group_name, r.description, i.status, r.incident_id, r.videos_not_kept
       ${from} ${where} ORDER BY r.created_at DESC, r.id DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: f.limit, offset: f.offset }) as Record<string, unknown>[];
  const ev = app.db.prepare(`SELECT id, kind, value, filename, path FROM self_report_evidence WHERE report_id = ? ORDER BY id`);
  const rows = raw.map((r) => {
    const evidence = ev.all(r['id']) as { id: number; kind: string; value: string | null; filename: string | null; path: string | null }[];
    return {
      id: r['id'] as number, receiptNo: r['receipt_no'] as string, createdAt: r['created_at'] as number, resolvedAt: r['resolved_at'] as number | null,
      nama: (r['nama'] as string | null) ?? '', nip: r['asn_nip'] as string, unit: (r['unit'] as string | null) ?? '', category: r['category'] as string,
      place: r['place'] as ReportPlace, groupName: r['group_name'] as string | null, description: r['description'] as string,
      status: r['status'] as IncidentStatus | null, caseId: r['incident_id'] as number | null,
      photos: evidence.filter((e) => e.kind === 'photo' && e.path).map((e) => ({ id: e.id, filename: e.filename })),
      links: evidence.filter((e) => e.kind === 'link' && e.value).map((e) => e.value!),
      videosNotKept: r['videos_not_kept'] as number,
      machineRead: readingsOfReport(app.db, r['id'] as number).map((o) => ({ groupName: o.groupName, pilkada: o.pilkada })),
    };
  });
  return { rows, total };
}

/** The bytes of one stored evidence photo (for a thumbnail), or undefined when it is gone (retention) or not a photo. */
export function evidencePhoto(app: App, id: number): { data: Buffer; mime: string } | undefined {
  const e = app.db.prepare(`SELECT path, mime FROM self_report_evidence WHERE id = ? AND kind = 'photo' AND path IS NOT NULL`).get(id) as { path: string; mime: string | null } | undefined;
  if (!e) return undefined;
  try {
    return { data: readFileSync(e.path), mime: /^image\/(?:jpeg|png|webp|gif)$/.test(e.mime ?? '') ? e.mime! : 'image/jpeg' };
  } catch {
    return undefined;
  }
}
