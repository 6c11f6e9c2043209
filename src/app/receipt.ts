/**
 * Receipts of self-reports: the verification code (an HMAC of the report's
 * signed content with the database's secret), the one-page PDF, and the
 * check behind `jaga-netral receipt verify` and the dashboard page.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { selfReportTexts, type ReceiptFacts } from '../core/messages/self-report.js';
import { codeFromMac, normalizeCode, parseReceiptNo } from '../core/self-report.js';
import { formatDateTime } from '../core/time.js';
import { PdfWriter } from '../pdf/document.js';
import type { Db } from '../store/db.js';
import { ensurePrivateDir, writePrivateFile } from '../store/private-files.js';
import { receiptSecret, SelfReportStore, type SelfReportRow } from '../store/self-reports.js';

/** The verification code of a report's signed content. */
export function receiptCode(db: Db, signed: string, now: number): string {
  return codeFromMac(createHmac('sha256', receiptSecret(db, now)).update(signed, 'utf8').digest());
}

let memoryDir: string | undefined;

/**
 * The folder private files of the bot live in: next to the database, or for an in-memory database (tests)
 * one temporary folder per process, so nothing is written into the working tree.
 */
export function dataDir(databasePath: string): string {
  if (databasePath !== ':memory:') return dirname(databasePath);
  memoryDir ??= mkdtempSync(join(tmpdir(), 'jaga-netral-data-'));
  return memoryDir;
}

/** Characters of the report's text the one-page PDF prints. */
const PDF_TEXT_MAX = 700;

/** Writes the receipt PDF (0600, under `<data>/receipts/`) and returns its path. */
export async function writeReceiptPdf(databasePath: string, f: ReceiptFacts, lang: 'id' | 'en', createdAt: number): Promise<string> {
  const t = selfReportTexts(lang);
  const p = t.pdf;
  const w = new PdfWriter({ title: `${p.title} ${f.receiptNo}`, lang, subject: f.receiptNo, author: 'Jaga Netral', createdAt: new Date(createdAt) });
  w.heading(p.title).note(p.intro).space();
  w.field(p.number, f.receiptNo).field(p.code, f.code).field(p.time, f.at);
  w.field(p.reporter, `${f.asnName} (NIP ${f.nip}), ${f.unit}`);
  w.field(p.what, t.categoryName[f.category]).field(p.where, t.placeName[f.place]);
  if (f.groupName) w.field(p.group, f.groupName);
  if (f.actor) w.field(p.actor, f.actor);
  w.field(p.status, f.resolvedAt ? `${p.resolvedAt}: ${f.resolvedAt}` : p.open);
  // One page: a long report is cut here (the receipt text and the database keep it whole, and the code covers it all).
  w.space().paragraph(`${p.description}:`).paragraph(f.description.length > PDF_TEXT_MAX ? `${f.description.slice(0, PDF_TEXT_MAX)}…` : f.description);
  if (f.links.length) w.space().paragraph(`${p.links}:`).bullets(f.links.slice(0, 5).map((l) => (l.length > 120 ? `${l.slice(0, 120)}…` : l)));
  w.space().paragraph(`${p.evidence}:`);
  if (f.evidence.length) for (const e of f.evidence) w.mono(`${e.sha256}  ${e.name} (${e.bytes} B)`);
  else w.note(p.noEvidence);
  w.space().note(p.worth).note(p.verify);
  const pdf = await w.end();
  const dir = join(dataDir(databasePath), 'receipts');
  ensurePrivateDir(dir);
  const path = join(dir, `${f.receiptNo}${f.resolvedAt ? '-selesai' : ''}.pdf`);
  writePrivateFile(path, pdf);
  return path;
}

/** The outcome of checking a receipt: no personal data beyond what the receipt holds. */
export type ReceiptCheck =
  | { ok: false; problem: 'number' | 'code'; text: string }
  | { ok: true; valid: false; receiptNo: string; text: string }
  | { ok: true; valid: true; receiptNo: string; at: string; status: 'open' | 'resolved'; resolvedAt?: string; text: string };

/** Checks a receipt number and code against the database (timing-safe); never throws on bad input. */
export function verifyReceipt(db: Db, number: string, code: string, tz: string, lang: 'id' | 'en'): ReceiptCheck {
  const t = selfReportTexts(lang).verify;
  const no = parseReceiptNo(number);
  if (!no) return { ok: false, problem: 'number', text: t.badNumber(number.slice(0, 40)) };
  const given = normalizeCode(code);
  if (!given) return { ok: false, problem: 'code', text: t.badCode(code.slice(0, 40)) };
  const r: SelfReportRow | undefined = new SelfReportStore(db).byReceiptNo(no.no);
  // Without a report the code is still compared with one made up, so an answer's timing tells nothing.
  const expected = r ? receiptCode(db, r.signed, Date.now()) : 'XXXX-XXXX-XXXX';
  const same = timingSafeEqual(Buffer.from(expected), Buffer.from(given)) && r !== undefined;
  if (!same || !r) return { ok: true, valid: false, receiptNo: no.no, text: t.invalid(no.no) };
  const at = formatDateTime(r.createdAt, tz, lang);
  const resolvedAt = r.resolvedAt !== null ? formatDateTime(r.resolvedAt, tz, lang) : undefined;
  const status = resolvedAt ? t.statusResolved(resolvedAt) : t.statusOpen;
  return { ok: true, valid: true, receiptNo: r.receiptNo, at, status: resolvedAt ? 'resolved' : 'open', resolvedAt, text: t.valid({ receiptNo: r.receiptNo, at, status }) };
}
