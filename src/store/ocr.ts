/**
 * What the offline OCR read from self-report images (table self_report_ocr, one row per evidence item),
 * and which images still wait for a read.
 */
import type { Db } from './db.js';

/** One stored reading. */
export interface OcrRow {
  evidenceId: number;
  status: 'read' | 'failed';
  engine: string;
  text: string;
  confidence: number | null;
  groupName: string | null;
  pilkada: boolean;
  score: number | null;
  terms: string[];
  campaignGroup: boolean;
  error: string | null;
  ms: number | null;
  at: number;
}

/** An image waiting for its read. */
export interface OcrJob {
  evidenceId: number;
  reportId: number;
  path: string;
  filename: string | null;
  sha256: string | null;
}

interface Raw {
  evidence_id: number; status: 'read' | 'failed'; engine: string; text: string; confidence: number | null; group_name: string | null; pilkada: number;
  score: number | null; terms: string; campaign_group: number; error: string | null; ms: number | null; at: number;
}

const toRow = (r: Raw): OcrRow => ({
  evidenceId: r.evidence_id, status: r.status, engine: r.engine, text: r.text, confidence: r.confidence, groupName: r.group_name, pilkada: r.pilkada === 1,
  score: r.score, terms: JSON.parse(r.terms) as string[], campaignGroup: r.campaign_group === 1, error: r.error, ms: r.ms, at: r.at,
});

/** Photos, and documents sent as image files, with their file still kept and no reading yet. */
const UNREAD = `SELECT e.id AS evidenceId, e.report_id AS reportId, e.path, e.filename, e.sha256 FROM self_report_evidence e
  LEFT JOIN self_report_ocr o ON o.evidence_id = e.id
  WHERE o.evidence_id IS NULL AND e.path IS NOT NULL AND (e.kind = 'photo' OR (e.kind = 'document' AND e.mime LIKE 'image/%'))`;

/** The images of one report that wait for a read. */
export function unreadImagesOf(db: Db, reportId: number): OcrJob[] {
  return db.prepare(`${UNREAD} AND e.report_id = ? ORDER BY e.id`).all(reportId) as OcrJob[];
}

/** Images received since `since` that were never read (the bot stopped first). */
export function unreadImagesSince(db: Db, since: number, limit = 100): OcrJob[] {
  return db.prepare(`${UNREAD} AND e.at >= ? ORDER BY e.id LIMIT ?`).all(since, limit) as OcrJob[];
}

/** Whether an evidence item has been read (or given up on). */
export function hasReading(db: Db, evidenceId: number): boolean {
  return Boolean(db.prepare(`SELECT 1 FROM self_report_ocr WHERE evidence_id = ?`).get(evidenceId));
}

/** Stores one reading (once per evidence item). */
export function saveReading(db: Db, r: OcrRow): void {
  db.prepare(
    `INSERT INTO self_report_ocr (evidence_id, status, engine, text, confidence, group_name, pilkada, score, terms, campaign_group, error, ms, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(evidence_id) DO NOTHING`,
  ).run(r.evidenceId, r.status, r.engine, r.text, r.confidence, r.groupName, r.pilkada ? 1 : 0, r.score, JSON.stringify(r.terms), r.campaignGroup ? 1 : 0, r.error, r.ms, r.at);
}

/** The reading of one evidence item. */
export function readingOf(db: Db, evidenceId: number): OcrRow | undefined {
  const r = db.prepare(`SELECT * FROM self_report_ocr WHERE evidence_id = ?`).get(evidenceId) as Raw | undefined;
  return r && toRow(r);
}

/** Every successful reading of a report's images, in evidence order. */
export function readingsOfReport(db: Db, reportId: number): OcrRow[] {
  return (db.prepare(`SELECT o.* FROM self_report_ocr o JOIN self_report_evidence e ON e.id = o.evidence_id WHERE e.report_id = ? AND o.status = 'read' ORDER BY e.id`).all(reportId) as Raw[]).map(toRow);
}
