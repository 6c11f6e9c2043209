/**
 * Report files: a CSV (core/csv.ts) and an XLSX (exceljs) with one row per
 * case, times in the report's zone (real Excel dates in the XLSX), every text
 * cell that a spreadsheet would run as a formula neutralised; and the PNG chart.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { defaultCsvSeparator, neutralizeCell, nipCell, toCsv, type CsvSeparator } from '../../core/csv.js';
import { leftClaimTexts } from '../../core/messages/left-claim.js';
import { REPORT_COLUMNS, reportTexts, type ReportColumn } from '../../core/messages/report.js';
import { showHiddenInCell } from '../../core/text/visible.js';
import { zonedDay, zonedParts } from '../../core/time.js';
import { ensureOwnPrivateDir, makePrivate, removeFiles, touchPrivateFile, writePrivateFile, type RemovedFiles } from '../../store/private-files.js';
import type { EpochMs } from '../../core/types.js';
import { KINDS, STATUSES, type Report, type ReportCase } from './build.js';
import { renderChart } from './chart-png.js';
import { leftMarks, periodLabel } from './text.js';

export { neutralizeCell } from '../../core/csv.js';

/** `2024-11-27 09:30` in `tz`: sortable, and what a spreadsheet user expects. */
export function localTimestamp(at: EpochMs | null, tz: string): string {
  if (at === null) return '';
  const p = zonedParts(at, tz);
  return `${zonedDay(at, tz)} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/** How the XLSX shows a date cell: sortable, and what a spreadsheet user expects. */
export const EXCEL_DATE_FORMAT = 'yyyy-mm-dd hh:mm';

/**
 * A time as an Excel date cell showing the wall-clock time in `tz` (Excel dates have no zone: exceljs writes a
 * Date's UTC fields, so the Date carries the local time as if it were UTC); null for no time.
 */
export function excelDate(at: EpochMs | null, tz: string): Date | null {
  if (at === null) return null;
  const p = zonedParts(at, tz);
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute));
}

/**
 * One case as a row of cells, in REPORT_COLUMNS order; text cells neutralised, their control, bidi and invisible
 * characters shown as `[U+XXXX]` (exceljs would drop C0 characters from the XML without a trace).
 */
export function caseCells(c: ReportCase, tz: string, lang: 'id' | 'en'): (string | number)[] {
  const t = reportTexts(lang);
  const v: Record<ReportColumn, string | number> = {
    caseId: c.id,
    nip: c.nip,
    nama: c.nama,
    unit: c.unit,
    platform: c.platform === 'telegram' ? 'Telegram' : 'WhatsApp',
    group: c.chatTitle,
    kind: t.kind[c.kind],
    opened: localTimestamp(c.openedAt, tz),
    resolved: localTimestamp(c.resolvedAt, tz),
    status: c.status === 'left' && c.leftByWord ? `${t.status[c.status]} (${leftClaimTexts(lang).reportMark(c.leftByWord)})` : t.status[c.status],
    addedBy: c.addedBy ?? '',
    excerpt: c.excerpt ?? '',
    terms: c.terms.join(', '),
  };
  return REPORT_COLUMNS.map((k) => {
    const x = v[k];
    return typeof x === 'number' ? x : neutralizeCell(showHiddenInCell(x));
  });
}

/** Header row in `lang`. */
export const headerCells = (lang: 'id' | 'en'): string[] => REPORT_COLUMNS.map((k) => reportTexts(lang).columns[k]);

/** The CSV text (core/csv.ts: every text cell quoted and neutralised), separated by `sep` (by default `;` in Indonesian, `,` in English). */
export function reportCsv(r: Report, lang: 'id' | 'en' = 'id', sep: CsvSeparator = defaultCsvSeparator(lang)): string {
  const nipAt = REPORT_COLUMNS.indexOf('nip');
  const rows = r.cases.map((c) => {
    const cells = caseCells(c, r.tz, lang);
    cells[nipAt] = nipCell(c.nip);
    return cells;
  });
  return toCsv([headerCells(lang), ...rows], sep);
}

/** Writes the CSV file. */
export function writeReportCsv(r: Report, path: string, lang: 'id' | 'en' = 'id', sep: CsvSeparator = defaultCsvSeparator(lang)): void {
  writePrivateFile(path, reportCsv(r, lang, sep));
}

/** Writes the XLSX workbook: a cases sheet and a summary sheet. */
export async function writeReportXlsx(r: Report, path: string, lang: 'id' | 'en' = 'id'): Promise<void> {
  const t = reportTexts(lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jaga Netral';
  const ws = wb.addWorksheet(t.casesSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(headerCells(lang)).font = { bold: true };
  const openedAt = REPORT_COLUMNS.indexOf('opened');
  const resolvedAt = REPORT_COLUMNS.indexOf('resolved');
  for (const c of r.cases) {
    const cells: (string | number | Date | null)[] = caseCells(c, r.tz, lang);
    cells[openedAt] = excelDate(c.openedAt, r.tz);
    cells[resolvedAt] = excelDate(c.resolvedAt, r.tz);
    ws.addRow(cells);
  }
  const widths: Record<ReportColumn, number> = {
    caseId: 9, nip: 21, nama: 24, unit: 22, platform: 11, group: 32, kind: 22, opened: 17, resolved: 17, status: 14, addedBy: 24, excerpt: 60, terms: 24,
  };
  REPORT_COLUMNS.forEach((k, i) => {
    const col = ws.getColumn(i + 1);
    col.width = widths[k];
    if (k === 'opened' || k === 'resolved') col.numFmt = EXCEL_DATE_FORMAT;
    else if (k !== 'caseId') col.numFmt = '@';
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: REPORT_COLUMNS.length } };

  // Every section of the text summary (formatReportText), each under its heading, in the same order.
  const l = t.labels;
  const s = wb.addWorksheet(t.summarySheet);
  const row = (...cells: (string | number)[]) => s.addRow(cells.map((c) => (typeof c === 'number' ? c : neutralizeCell(showHiddenInCell(c)))));
  const heading = (h: string) => {
    row('');
    row(h).font = { bold: true };
  };
  row(l.title.replace(/^\p{Extended_Pictographic}\s*/u, '')).font = { bold: true, size: 14 };
  row(l.period, periodLabel(r, lang));
  if (r.filters.unit) row(l.unit, r.filters.unit);
  row(l.total, r.total);
  heading(l.byStatus);
  for (const st of STATUSES) {
    row(t.status[st], r.byStatus[st]);
    // The leaves known only by somebody's word, under "left", as the text summary says them.
    if (st === 'left') for (const m of leftMarks(r, lang)) row(`  ${m.mark}`, m.n);
  }
  heading(l.byKind);
  for (const k of KINDS) row(t.kind[k], r.byKind[k]);
  heading(l.byUnit);
  row(l.unit, l.total, l.open).font = { italic: true };
  for (const u of r.byUnit) row(u.unit, u.total, u.byStatus.open);
  heading(l.groups);
  for (const g of r.topGroups) row(`${g.title} (${g.platform === 'telegram' ? 'TG' : 'WA'})`, g.cases);
  heading(l.actors);
  if (r.topActors.length) {
    row('', l.acts, l.asn).font = { italic: true };
    for (const a of r.topActors) row(a.label, a.acts, a.asn);
  } else row(l.none);
  row('');
  row(l.median, r.medianLeaveMs !== null ? `${t.duration(r.medianLeaveMs)} (${r.leftCount} ${l.cases})` : '-');
  row(l.undeliverable, r.undeliverable);
  s.getColumn(1).width = 40;
  s.getColumn(2).width = 16;
  s.getColumn(3).width = 12;
  touchPrivateFile(path);
  await wb.xlsx.writeFile(path);
  makePrivate(path);
}

/** Writes the PNG chart (the dashboard's SVG chart of the same period, rendered by resvg). */
export function writeReportPng(r: Report, path: string, lang: 'id' | 'en' = 'id'): void {
  writePrivateFile(path, renderChart(r, lang));
}

/** Paths of the three files of one report, and their shared base name. */
export interface ReportFiles {
  csv: string;
  xlsx: string;
  png: string;
  /** `laporan-jaga-netral-YYYYMMDD-HHMMSS-xxxxxx`: unique per request, also what the admin sees. */
  name: string;
  /** Older report files deleted to keep REPORTS_KEEP (the caller puts them on the audit log). */
  pruned: RemovedFiles;
}

/** Report file names start with this; old ones beyond REPORTS_KEEP are pruned. */
export const REPORT_PREFIX = 'laporan-jaga-netral-';
/** How many report files to keep in the reports directory (they hold personal data). */
export const REPORTS_KEEP = 60;

/** Base file name of a report: `laporan-jaga-netral-YYYYMMDD-HHMMSS` (local time of the request). */
export function reportBaseName(r: Report): string {
  const p = zonedParts(r.filters.now, r.tz);
  const sec = String(Math.floor((r.filters.now % 60_000) / 1000)).padStart(2, '0');
  return `${REPORT_PREFIX}${zonedDay(r.filters.now, r.tz).replace(/-/g, '')}-${String(p.hour).padStart(2, '0')}${String(p.minute).padStart(2, '0')}${sec}`;
}

/**
 * Writes CSV, XLSX and PNG into `dir` (created if needed) under a name unique to this request (two requests in
 * the same second must not overwrite each other's files), then prunes old report files except those in `inUse`
 * (files of messages not delivered yet).
 */
export async function writeReportFiles(r: Report, dir: string, lang: 'id' | 'en' = 'id', o: { inUse?: ReadonlySet<string> } = {}): Promise<ReportFiles> {
  ensureOwnPrivateDir(dir);
  const name = `${reportBaseName(r)}-${randomBytes(3).toString('hex')}`;
  const base = join(dir, name);
  const files = { csv: `${base}.csv`, xlsx: `${base}.xlsx`, png: `${base}.png`, name };
  writeReportCsv(r, files.csv, lang);
  await writeReportXlsx(r, files.xlsx, lang);
  writeReportPng(r, files.png, lang);
  return { ...files, pruned: pruneReports(dir, REPORTS_KEEP, o.inUse) };
}

/**
 * Deletes the oldest report files beyond `keep`; never one in `inUse` (absolute or as given), whose message still
 * waits to go out. Returns how many went and their size.
 */
export function pruneReports(dir: string, keep: number, inUse: ReadonlySet<string> = new Set()): RemovedFiles {
  const busy = new Set([...inUse].map((p) => resolve(p)));
  const names = readdirSync(dir)
    .filter((n) => n.startsWith(REPORT_PREFIX))
    .map((n) => ({ n, t: statSync(join(dir, n)).mtimeMs }))
    .sort((a, b) => b.t - a.t || (a.n < b.n ? 1 : -1));
  const old = names
    .slice(keep)
    .map((x) => join(dir, x.n))
    .filter((p) => !busy.has(resolve(p)));
  return removeFiles(old);
}
